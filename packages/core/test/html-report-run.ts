import { join } from 'node:path';
import { resolvePerfgateOptions } from '../src/options/perfgate-options.js';
import { startQuery } from '../src/record/recorder.js';
import { runInNewScope } from '../src/scope/record-queries.js';
import { RunSession } from '../src/session/run-session.js';
import { resolveUpdateMode } from '../src/session/update-mode.js';
import { WorkerSession } from '../src/session/worker-session.js';
import { siteOf, type SiteLocation } from './call-sites.js';

export const RUN_TRACE_ID = '5ce0e9a56015fec5aadfa328ae398115';
const RUN_ITEMS = 'SELECT * FROM order_items WHERE order_id = $1';
/** The loop's statement as the page shows it: its shape, never its values. */
export const RUN_ITEMS_SHAPE = 'SELECT * FROM order_items WHERE order_id = ?';
/** Every parameter value the loop sends starts so; the page must hold none. */
export const RUN_VALUE_PREFIX = 'secret-order-';

function itemsOneByOne(orders: number): void {
  startQuery({ sql: 'SELECT id FROM orders', source: 'test', dialect: 'postgres' });
  for (let id = 1; id <= orders; id++) startQuery({ sql: RUN_ITEMS, values: [`${RUN_VALUE_PREFIX}${id}`], source: 'test', dialect: 'postgres' }); // @html-loop
}

export interface HtmlRun {
  /** What the run wrote at `.perfgate/report.html`. */
  readonly html: string | undefined;
  readonly loop: SiteLocation;
  readonly errors: readonly string[];
}

/**
 * A run of two tests, one with an N+1, through the worker and run sessions
 * the runners drive, with the default report options: the page is the one
 * a user's run writes, files kept in memory.
 */
export async function runWithHtmlReport(): Promise<HtmlRun> {
  const root = process.cwd();
  const files = new Map<string, string>();
  const update = resolveUpdateMode({ requested: 'none', ciEnv: false, command: 'vitest -u' });
  const session = new RunSession({
    update,
    root,
    runner: 'vitest',
    report: resolvePerfgateOptions({}, 'test').report,
    env: {},
    log: () => undefined,
    error: () => undefined,
    writeFile: (path, text) => files.set(path, text),
    appendFile: () => undefined,
    makeDirectory: () => undefined,
  });
  const worker = new WorkerSession();
  worker.start({ root, options: resolvePerfgateOptions({ adapters: [], http: false }, 'test'), run: { update, reportDir: session.reportDir, v8Coverage: false }, update, runCommand: 'vitest run' });
  const tests: Array<[string, () => unknown]> = [
    ['orders > lists each order with its items', () => runInNewScope(() => itemsOneByOne(5), { name: 'GET /orders', traceId: RUN_TRACE_ID })],
    ['orders > answers the health check', () => runInNewScope(() => startQuery({ sql: 'SELECT 1', source: 'test', dialect: 'postgres' }), { name: 'GET /health' })],
  ];
  try {
    for (const [name, body] of tests) {
      const state = worker.beforeTest({ id: name, file: 'test/orders.test.ts', name });
      await worker.runTest(state, body);
      await worker.afterTest(state);
    }
    await worker.finish();
  } finally {
    worker.dispose();
  }
  const outcome = await session.finish({});
  return { html: files.get(join(root, '.perfgate/report.html')), loop: siteOf(import.meta.url, 'html-loop', 'startQuery'), errors: outcome.errors };
}
