import type { FindingFigure, QueryFigure, ScopeFigure } from '../report-model.js';

/** The narrowest bar, in percent of the axis, so a query of no measured time still shows. */
export const MIN_BAR_PERCENT = 0.4;
/** The shortest axis: ticks of a shorter one would print alike (`0 ms`), and one of no length has no scale. */
export const MIN_EXTENT_MS = 0.1;
/** At most this many gaps between ticks on the time axis. */
const MAX_TICKS = 5;

/** What a bar is drawn as: part of an N+1 group, a duplicate, known debt, or a plain query. */
export type BarGroup = 'n-plus-one' | 'duplicate' | 'allowlisted' | 'plain';

export interface WaterfallBar {
  readonly query: QueryFigure;
  readonly group: BarGroup;
  readonly finding?: FindingFigure | undefined;
  /** Percent of the axis, 0–100; `left + width <= 100`. */
  readonly left: number;
  readonly width: number;
}

export interface WaterfallGeometry {
  /** The axis runs from the scope's start to here. */
  readonly extentMs: number;
  readonly ticks: readonly { readonly ms: number; readonly left: number }[];
  readonly bars: readonly WaterfallBar[];
}

/** A time as the axis reads it: finite and not before the scope started. */
function time(ms: number | undefined): number {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** 1, 2 or 5 times a power of ten: the step that fits the axis in at most MAX_TICKS gaps. */
function tickStep(extentMs: number): number {
  const rough = extentMs / MAX_TICKS;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? 10 * power;
}

/** The finding a query belongs to: an N+1 group first, then a duplicate; allowlisted ones drawn as known debt. */
function groupOf(query: QueryFigure, findings: readonly FindingFigure[]): Pick<WaterfallBar, 'group' | 'finding'> {
  const matching = findings.filter((f) => f.shape === query.shape);
  const finding = matching.find((f) => f.type === 'n-plus-one' && !f.allowlisted) ?? matching.find((f) => !f.allowlisted) ?? matching[0];
  if (finding === undefined) return { group: 'plain' };
  return { group: finding.allowlisted ? 'allowlisted' : finding.type, finding };
}

/**
 * Where each of a scope's recorded queries sits on a time axis from the
 * scope's start to its end (or to its last query's end, whichever is later).
 */
export function waterfallGeometry(scope: Pick<ScopeFigure, 'durationMs' | 'queries' | 'findings'>, queries = scope.queries): WaterfallGeometry {
  const ends = queries.map((q) => time(q.startMs) + time(q.durationMs));
  const extentMs = Math.max(time(scope.durationMs), ...ends, MIN_EXTENT_MS);
  const step = tickStep(extentMs);
  const ticks = Array.from({ length: Math.floor(extentMs / step + 1e-9) + 1 }, (_, i) => ({ ms: i * step, left: Math.min(100, ((i * step) / extentMs) * 100) }));
  const bars = queries.map((query) => {
    const width = Math.max(MIN_BAR_PERCENT, (time(query.durationMs) / extentMs) * 100);
    const left = Math.min((time(query.startMs) / extentMs) * 100, 100 - width);
    return { query, left, width, ...groupOf(query, scope.findings) };
  });
  return { extentMs, ticks, bars };
}
