import { describe, expect, it, vi } from 'vitest';
import { EMPTY_BASELINES, parseBaselines, serializeBaselines, withBaselines } from './baseline-file.js';
import type { BaselineEntry } from './baseline-session.js';
import { finishBaselineRun, type BaselineUpdateOptions } from './baseline-update.js';

const ROOT = '/repo';
const LOGGER = '/repo/test/__perfgate__/logger.spec.ts.json';
const ORDERS = '/repo/test/__perfgate__/orders.spec.ts.json';
const entry = (file: string, test: string, value: number, change: BaselineEntry['change'], was?: number): BaselineEntry => ({
  metric: 'bytes/op',
  runtime: 'node20-x64',
  test,
  value,
  file,
  change,
  ...(was !== undefined && { was }),
});
const latencyEntry = (file: string, test: string, rounds: number[], change: BaselineEntry['change'], was?: number): BaselineEntry => ({
  metric: 'p99 ms',
  runtime: 'node20-x64-2cpu',
  test,
  value: [...rounds].sort((a, b) => a - b)[rounds.length >> 1]!,
  rounds,
  queriesPerRequest: 61,
  file,
  change,
  ...(was !== undefined && { was }),
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

const stored = serializeBaselines(withBaselines(EMPTY_BASELINES, [{ metric: 'bytes/op', runtime: 'node20-x64', test: 'logger formats a line', value: 1_000 }]));
const figures = (text: string, path: string) => parseBaselines(text, path).baselines.map((record) => `${record.metric} ${record.test}: ${record.value}`);

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
    expect(Object.fromEntries(writeFile.mock.calls.map(([path, text]) => [path, figures(text, path)]))).toEqual({
      [LOGGER]: ['bytes/op logger formats a line: 1500', 'bytes/op logger formats an error: 2048'],
      [ORDERS]: ['bytes/op orders serialises one: 312'],
    });
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: wrote 2 allocation baselines to test/__perfgate__/logger.spec.ts.json:
        ~ logger formats a line (node20-x64): 1,000 B → 1,500 B (1.5 KiB) per call (+50.0%)
        + logger formats an error (node20-x64): 2,048 B (2 KiB) per call
      perfgate: wrote 1 allocation baseline to test/__perfgate__/orders.spec.ts.json:
        + orders serialises one (node20-x64): 312 B per call"
    `);
  });

  it('writes latency baselines into the same file, each line saying its metric', () => {
    const { lines, writeFile } = finish({ [LOGGER]: stored }, [latencyEntry(LOGGER, 'GET /products', [303, 126, 114, 94, 101], 'new'), entry(LOGGER, 'logger formats an error', 2_048, 'new')]);
    expect(writeFile.mock.calls.map(([path, text]) => figures(text, path))).toEqual([['bytes/op logger formats a line: 1000', 'bytes/op logger formats an error: 2048', 'p99 ms GET /products: 114']]);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: wrote 2 allocation and latency baselines to test/__perfgate__/logger.spec.ts.json:
        + GET /products (node20-x64-2cpu): p99 median 114 ms (rounds 303, 126, 114, 94, 101 ms)
        + logger formats an error (node20-x64): 2,048 B (2 KiB) per call"
    `);
  });

  it('migrates a version 1 file on the first write, keeping every figure it held', () => {
    const version1 = JSON.stringify({ version: 1, bytesPerOp: { 'node20-x64': { 'logger formats a line': 1_000 } }, latency: { 'node20-x64-2cpu': { 'GET /products': { p99Ms: [303, 126, 114, 94, 101], queriesPerRequest: 61 } } } });
    const { writeFile } = finish({ [LOGGER]: version1 }, [entry(LOGGER, 'logger formats an error', 2_048, 'new')]);
    const [[, text]] = writeFile.mock.calls as [[string, string]];
    expect(text).toMatch(/^\{\n {2}"version": 2,/);
    expect(figures(text, LOGGER)).toEqual(['bytes/op logger formats a line: 1000', 'bytes/op logger formats an error: 2048', 'p99 ms GET /products: 114']);
  });

  it('lists improvements without writing them, saying how to tighten them', () => {
    const { lines, writeFile } = finish({ [LOGGER]: stored }, [entry(LOGGER, 'logger formats a line', 400, 'improved', 1_000), latencyEntry(LOGGER, 'GET /products', [50, 51, 52, 53, 54], 'improved', 114)]);
    expect(writeFile).not.toHaveBeenCalled();
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: 2 baselines improved beyond the tolerance; tighten them with the update flag (vitest -u):
        ↓ test/__perfgate__/logger.spec.ts.json › logger formats a line (node20-x64): 1,000 B → 400 B per call (−60.0%)
        ↓ test/__perfgate__/logger.spec.ts.json › GET /products (node20-x64-2cpu): 114 ms → p99 median 52 ms (−54.4%)"
    `);
  });

  it('never writes a regressed or missing figure: those failed their test', () => {
    const { lines, writeFile } = finish({ [LOGGER]: stored }, [entry(LOGGER, 'logger formats a line', 1_500, 'regressed', 1_000), entry(ORDERS, 'orders serialises one', 312, 'missing')]);
    expect(writeFile).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('never writes under CI, whatever a worker asked', () => {
    const { lines, writeFile } = finish({}, [entry(ORDERS, 'orders serialises one', 312, 'new')], { ci: true });
    expect(writeFile).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
  });

  it('reports a corrupt file and leaves it untouched, still writing the others', () => {
    const { errors, writeFile } = finish({ [LOGGER]: '{ "version": 2, oops' }, [entry(LOGGER, 'logger formats an error', 2_048, 'new'), entry(ORDERS, 'orders serialises one', 312, 'new')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^perfgate: \/repo\/test\/__perfgate__\/logger\.spec\.ts\.json is not a valid baseline file: invalid JSON/);
    expect(writeFile.mock.calls.map(([path]) => path)).toEqual([ORDERS]);
  });
});
