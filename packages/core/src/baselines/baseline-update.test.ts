import { describe, expect, it, vi } from 'vitest';
import { EMPTY_BASELINES, parseBaselines, serializeBaselines, withBaselines } from './allocation-baselines.js';
import type { BaselineEntry } from './baseline-session.js';
import { finishBaselineRun, type BaselineUpdateOptions } from './baseline-update.js';

const ROOT = '/repo';
const LOGGER = '/repo/test/__perfgate__/logger.spec.ts.json';
const ORDERS = '/repo/test/__perfgate__/orders.spec.ts.json';
const entry = (file: string, test: string, bytesPerOp: number, change: BaselineEntry['change'], baseline?: number): BaselineEntry => ({
  file,
  runtime: 'node20-x64',
  test,
  bytesPerOp,
  change,
  ...(baseline !== undefined && { baseline }),
});

function finish(files: Record<string, string>, entries: readonly BaselineEntry[], options: Partial<BaselineUpdateOptions> = {}) {
  const writeFile = vi.fn<(path: string, text: string) => void>();
  const makeDirectory = vi.fn<(path: string) => void>();
  const readFile = (path: string) => {
    if (files[path] === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return files[path];
  };
  const half = Math.ceil(entries.length / 2);
  const result = finishBaselineRun({ reports: [{ entries: entries.slice(0, half) }, { entries: entries.slice(half) }], root: ROOT, ci: false, updateCommand: 'vitest -u', readFile, writeFile, makeDirectory, ...options });
  return { ...result, writeFile, makeDirectory };
}

const stored = serializeBaselines(withBaselines(EMPTY_BASELINES, [{ runtime: 'node20-x64', test: 'logger formats a line', bytesPerOp: 1_000 }]));

describe('finishBaselineRun', () => {
  it('writes each file once with the new and updated figures of every worker, creating its folder', () => {
    const { lines, errors, writeFile, makeDirectory } = finish({ [LOGGER]: stored }, [
      entry(LOGGER, 'logger formats a line', 1_500, 'updated', 1_000),
      entry(ORDERS, 'orders serialises one', 312, 'new'),
      entry(LOGGER, 'logger formats an error', 2_048, 'new'),
    ]);
    expect(errors).toEqual([]);
    expect(writeFile).toHaveBeenCalledTimes(2);
    expect(makeDirectory).toHaveBeenCalledWith('/repo/test/__perfgate__');
    const written = Object.fromEntries(writeFile.mock.calls.map(([path, text]) => [path, parseBaselines(text, path).bytesPerOp]));
    expect(written).toEqual({
      [LOGGER]: { 'node20-x64': { 'logger formats a line': 1_500, 'logger formats an error': 2_048 } },
      [ORDERS]: { 'node20-x64': { 'orders serialises one': 312 } },
    });
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: wrote 2 allocation baselines to test/__perfgate__/logger.spec.ts.json:
        ~ logger formats a line (node20-x64): 1,000 B → 1,500 B (1.5 KiB) per call (+50.0%)
        + logger formats an error (node20-x64): 2,048 B (2 KiB) per call
      perfgate: wrote 1 allocation baseline to test/__perfgate__/orders.spec.ts.json:
        + orders serialises one (node20-x64): 312 B per call"
    `);
  });

  it('lists improvements without writing them, saying how to tighten them', () => {
    const { lines, writeFile } = finish({ [LOGGER]: stored }, [entry(LOGGER, 'logger formats a line', 400, 'improved', 1_000)]);
    expect(writeFile).not.toHaveBeenCalled();
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: 1 baseline improved beyond the tolerance; tighten it with the update flag (vitest -u):
        ↓ test/__perfgate__/logger.spec.ts.json › logger formats a line (node20-x64): 1,000 B → 400 B per call (−60.0%)"
    `);
  });

  it('never writes under CI, whatever a worker asked', () => {
    const { lines, writeFile } = finish({}, [entry(ORDERS, 'orders serialises one', 312, 'new')], { ci: true });
    expect(writeFile).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('reports a corrupt file and leaves it untouched, still writing the others', () => {
    const { errors, writeFile } = finish({ [LOGGER]: '{ "version": 1, oops' }, [entry(LOGGER, 'logger formats an error', 2_048, 'new'), entry(ORDERS, 'orders serialises one', 312, 'new')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^perfgate: \/repo\/test\/__perfgate__\/logger\.spec\.ts\.json is not a valid allocation baseline file: invalid JSON/);
    expect(writeFile.mock.calls.map(([path]) => path)).toEqual([ORDERS]);
  });
});
