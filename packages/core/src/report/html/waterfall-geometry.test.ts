import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEEDED, seededReport } from '../../../test/report-fixtures.js';
import type { FindingFigure, QueryFigure, ScopeFigure } from '../report-model.js';
import { MIN_BAR_PERCENT, waterfallGeometry } from './waterfall-geometry.js';

function seededScope(): ScopeFigure {
  return seededReport().tests.flatMap((t) => t.scopes).find((s) => s.traceId === SEEDED.traceId)!;
}

const query = (shape: string, startMs: number, durationMs?: number): QueryFigure => ({ shape, startMs, durationMs, source: 'pg' });
const finding = (type: FindingFigure['type'], shape: string, allowlisted = false): FindingFigure => ({ type, shape, count: 2, allowlisted });

describe('waterfallGeometry', () => {
  it("draws the seeded request's loop as one N+1 group on an axis of round ticks", () => {
    const geometry = waterfallGeometry(seededScope());
    expect(geometry.extentMs).toBe(24);
    expect(geometry.ticks.map((t) => t.ms)).toEqual([0, 5, 10, 15, 20]);
    expect(geometry.bars.map((b) => b.group)).toEqual(['plain', ...Array<string>(SEEDED.count).fill('n-plus-one'), 'plain', 'plain']);
    expect(geometry.bars[1]!.finding?.callSite).toEqual(SEEDED.callSite);
    // The first query starts 0.4 ms in and runs 1.6 ms, of a 24 ms request.
    expect(geometry.bars[0]!.left).toBeCloseTo((0.4 / 24) * 100);
    expect(geometry.bars[0]!.width).toBeCloseTo((1.6 / 24) * 100);
  });

  it('stretches the axis to the last query when the request ends before it (or has no duration)', () => {
    const geometry = waterfallGeometry({ durationMs: undefined, queries: [query('SELECT ?', 0, 2), query('SELECT ?', 6, 4)], findings: [] });
    expect(geometry.extentMs).toBe(10);
    expect(geometry.bars[1]!.left + geometry.bars[1]!.width).toBeCloseTo(100);
  });

  it('draws an N+1 over a duplicate of the same shape, and known debt only when nothing else matches', () => {
    const findings = [finding('duplicate', 'A'), finding('n-plus-one', 'A'), finding('n-plus-one', 'B', true)];
    const { bars } = waterfallGeometry({ durationMs: 3, queries: [query('A', 0, 1), query('B', 1, 1), query('C', 2, 1)], findings });
    expect(bars.map((b) => b.group)).toEqual(['n-plus-one', 'allowlisted', 'plain']);
  });

  it('keeps every bar on the axis and visible, in the order the queries ran, whatever the times', () => {
    const time = fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: false }), fc.constant(undefined));
    const queries = fc.array(fc.record({ start: time, duration: time }), { maxLength: 40 });
    fc.assert(
      fc.property(queries, time, (times, durationMs) => {
        const qs = times.map((t, i) => ({ ...query(`SELECT ${i}`, t.start ?? 0), durationMs: t.duration }));
        const geometry = waterfallGeometry({ durationMs, queries: qs, findings: [] });
        expect(geometry.extentMs).toBeGreaterThan(0);
        expect(geometry.bars.map((b) => b.query)).toEqual(qs);
        for (const bar of geometry.bars) {
          expect(bar.left).toBeGreaterThanOrEqual(0);
          expect(bar.width).toBeGreaterThanOrEqual(MIN_BAR_PERCENT);
          expect(bar.left + bar.width).toBeLessThanOrEqual(100 + 1e-9);
        }
        expect(geometry.ticks.length).toBeGreaterThanOrEqual(1);
        expect(geometry.ticks.length).toBeLessThanOrEqual(6);
        expect(geometry.ticks.every((t, i) => t.left <= 100 && (i === 0 || t.ms > geometry.ticks[i - 1]!.ms))).toBe(true);
      }),
    );
  });
});
