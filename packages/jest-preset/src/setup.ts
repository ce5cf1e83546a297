/**
 * The setup file the preset adds to every jest test file: core's worker
 * session, told jest's tests through circus's events and hooks, with jest's
 * `expect` and snapshot state. jest gives each test file fresh modules and a
 * fresh global, so everything is applied in `beforeAll` and undone in `afterAll`.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { WorkerSession, withoutPerfgateStack, type TestState } from '@perfgate/core/runner';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
import { followCircusTests } from './circus-tests.js';
import { keepFunctionNames } from './frame-names.js';
import { resolveJestOptions } from './jest-options.js';
import { jestUpdateMode, readRun } from './jest-run.js';

/** The fields of jest's SnapshotState perfgate reads: the update mode (`'all'` with -u, `'none'` with --ci, `'new'`) and the project root. */
interface SnapshotStateFields {
  readonly _updateSnapshot?: 'all' | 'new' | 'none';
  readonly _rootDir?: string;
}

/** How long the first hook may take: loading a driver (PGlite's wasm) on a busy machine. */
const SETUP_TIMEOUT_MS = 60_000;

const worker = new WorkerSession();
expect.extend(worker.matchers());

const { snapshotState: snapshot, testPath = '' } = expect.getState() as { snapshotState?: SnapshotStateFields; testPath?: string };
const root = snapshot?._rootDir ?? process.cwd();
const file = relative(root, testPath).split(sep).join('/');
const run = readRun(process.env);
// Without perfgate's reporter nothing collects a report: nothing is written; --ci shows as the snapshot mode 'none'.
const update = run?.update ?? jestUpdateMode(undefined, snapshot?._updateSnapshot === 'none');
// jest can import ES modules only with --experimental-vm-modules (its own check): patch the ESM builds then too.
const esm = typeof vm.SyntheticModule === 'function';
// This `import()` stays one in the build, so jest routes it through its registry: the copies the tests import.
// Without --experimental-vm-modules jest cannot import at all: a project's options file is required instead.
const importModule = esm
  ? (url: string): Promise<unknown> => import(url)
  : (url: string): Promise<unknown> => Promise.resolve({ default: require(fileURLToPath(url)) as unknown });

/** The test running with jest's hooks (not concurrent), judged in the afterEach below. */
let serial: TestState | undefined;
if (!followCircusTests(worker, file, (state) => void (serial = state))) {
  // jest-jasmine2: no circus events, so no test runs in its own async context.
  beforeEach(() => {
    const name = expect.getState().currentTestName ?? '';
    serial = worker.beforeTest({ id: `${file} > ${name}`, file, name });
  });
}

/** Options, drivers, HTTP scoping and the gates, for this test file. */
async function wire(): Promise<void> {
  const options = await resolveJestOptions(root, (globalThis as { perfgate?: unknown }).perfgate, run, { importModule });
  worker.start({ root, options, run, update, runCommand: 'jest' });
  worker.adopt({ dispose: keepFunctionNames() });
  worker.adopt(await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: esm ? ['cjs', 'esm'] : ['cjs'], importModule }));
  if (options.nPlusOne !== 'off' && snapshot?._updateSnapshot === 'all' && run === undefined) {
    console.warn(`perfgate: jest -u cannot update ${options.allowlist}: perfgate's reporter is not in this run (add '@perfgate/jest/reporter' to your jest "reporters").`);
  }
}

beforeAll(() => wire().catch((error: unknown) => Promise.reject(withoutPerfgateStack(error))), SETUP_TIMEOUT_MS);

afterEach(async () => {
  const state = serial;
  serial = undefined;
  if (state === undefined) return;
  const { error } = await worker.afterTest(state);
  if (error !== undefined) throw error;
});

afterAll(async () => {
  // The next test file gets fresh driver modules but the same node:http: restore it.
  worker.dispose();
  await worker.finish();
});
