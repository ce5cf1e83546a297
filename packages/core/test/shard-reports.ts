import { join } from 'node:path';
import type { AllowEntry } from '../src/allowlist/allowlist.js';
import { serializeAllowlist } from '../src/allowlist/allowlist.js';
import { buildReport } from '../src/report/build-report.js';
import { emptyTestFigures, type BaselineFigure, type FindingFigure, type PerfgateReport, type TestReport } from '../src/report/report-model.js';
import { allowlistFigure } from '../src/report/run-figures.js';
import type { GateReport } from '../src/session/gate-session.js';

/** A suite of three spec files run on CI machines checked out at one path, as `perfgate merge` tests see it. */
export const ROOT = '/home/runner/work/shop/shop';
export const ALLOWLIST = 'perfgate.allow.json';
export const BASELINES = 'test/__perfgate__/render.test.ts.json';

/** Found by orders.test.ts, in no allowlist: the run adds it. */
export const NEW_LOOP: AllowEntry = { shape: 'SELECT "items".* FROM "items" WHERE "items"."order_id" = $1', file: 'src/orders.ts', function: 'listOrders' };
/** Allowlisted, still needed by legacy.test.ts alone (shard 2 of 2). */
export const LEGACY_LOOP: AllowEntry = { shape: 'SELECT * FROM "prices" WHERE "item_id" = $1', file: 'src/legacy.ts', function: 'exportPrices' };
/** Allowlisted, needed by no test: stale, which only the union of every shard can say. */
export const FIXED_LOOP: AllowEntry = { shape: 'SELECT * FROM "users" WHERE "id" = $1', site: 'unknown' };

export const ALLOWLIST_TEXT = serializeAllowlist([LEGACY_LOOP, FIXED_LOOP]);

function finding(entry: AllowEntry, allowlisted: boolean): FindingFigure {
  return { type: 'n-plus-one', shape: entry.shape, count: 4, ...('file' in entry && { callSite: { file: entry.file, line: 12, function: entry.function } }), allowlisted };
}

function specTest(file: string, name: string, perfgate: TestReport['perfgate'], findings: readonly FindingFigure[]): TestReport {
  const scope = { traceId: `${name.length.toString(16).padStart(2, '0')}f7651916cd43dd8448eb211c80319c`, kind: 'request' as const, name: 'GET /x', startedAt: 0, queryCount: 5, shapes: [], queries: [], queriesOmitted: 5, findings };
  return { ...emptyTestFigures(), id: `${file} > ${name}`, file, name, perfgate, scopes: [scope] };
}

/** One spec file as a worker reports it: its tests, its N+1 gate's report (in CI, new findings are unlisted), its baseline figures. */
interface Spec {
  readonly tests: readonly TestReport[];
  readonly gate: GateReport;
  readonly baselines: readonly BaselineFigure[];
}

export const SPECS: readonly Spec[] = [
  { tests: [specTest('test/orders.test.ts', 'lists orders', 'fail', [finding(NEW_LOOP, false)])], gate: { matched: [], added: [], unlisted: [NEW_LOOP] }, baselines: [] },
  {
    tests: [specTest('test/render.test.ts', 'renders an order', 'fail', [])],
    gate: { matched: [], added: [] },
    baselines: [{ file: BASELINES, test: 'renders an order', runtime: 'node-20', metric: 'allocation', value: 2048, change: 'missing', written: false }],
  },
  { tests: [specTest('test/legacy.test.ts', 'exports prices', 'pass', [finding(LEGACY_LOOP, true)])], gate: { matched: [LEGACY_LOOP], added: [] }, baselines: [] },
];

/** The report a CI run (nothing written) of these specs writes: shard k/n when given, else the whole suite. */
export function ciReport(specs: readonly Spec[], shard?: { readonly index: number; readonly count: number }, root = ROOT): PerfgateReport {
  return buildReport({
    runner: 'vitest',
    toolVersion: '0.1.0',
    root,
    startedAt: new Date(Date.UTC(2026, 11, 4, 8, 0, shard?.index ?? 0)),
    finishedAt: new Date(Date.UTC(2026, 11, 4, 8, 1, shard?.index ?? 0)),
    shard,
    coverage: { shard: shard !== undefined },
    tests: specs.flatMap((s) => s.tests),
    allowlists: [allowlistFigure(ALLOWLIST, specs.map((s) => s.gate), { added: [], stale: [] })],
    baselines: specs.flatMap((s) => s.baselines),
  });
}

/** The suite split as `--shard=1/2` and `--shard=2/2` split it: by file. */
export function twoShards(): PerfgateReport[] {
  return [ciReport(SPECS.slice(0, 2), { index: 1, count: 2 }), ciReport(SPECS.slice(2), { index: 2, count: 2 })];
}

/** A checkout in memory: path → text; reading a missing file fails as the file system does. */
export function memoryFiles(initial: Record<string, string> = {}, root = ROOT) {
  const files = new Map(Object.entries(initial).map(([path, text]) => [join(root, path), text]));
  return {
    files,
    readFile: (path: string) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path: string, text: string) => void files.set(path, text),
    makeDirectory: () => undefined,
  };
}
