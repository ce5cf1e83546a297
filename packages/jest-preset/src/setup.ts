/**
 * The setup file the preset adds to every jest test file: the same core
 * wiring as vitest's, through jest's `expect`, hooks and snapshot state.
 * jest gives each test file fresh modules and a fresh global, so everything
 * is applied in `beforeAll` and undone in `afterAll`.
 */
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { allowlistPathFor, applyRuntimeOptions, GateSession, instrumentHttpServers, PerfgateError, REPORT_KINDS, saveWorkerReport, startAllocationGate, TestSession, type BaselineSession, type Instrumentation, type WorkerGateReport } from '@perfgate/core/runner';
import { perfgateMatchers } from '@perfgate/core/matchers';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
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

const session = new TestSession();
expect.extend(session.assertions.wrap(perfgateMatchers));

const snapshot = (expect.getState() as { snapshotState?: SnapshotStateFields }).snapshotState;
const root = snapshot?._rootDir ?? process.cwd();
const updateFlag = snapshot?._updateSnapshot === 'all';
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
const handles: Instrumentation[] = [];
let baselines: BaselineSession | undefined;
let report: Omit<WorkerGateReport, 'report'> | undefined;

/** perfgate's own frames would only distract from a message that names what to fix. */
function withoutStack(error: unknown): unknown {
  if (error instanceof PerfgateError) error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** Options, drivers, HTTP scoping and the gate, for this test file. */
async function wire(): Promise<void> {
  const options = await resolveJestOptions(root, (globalThis as { perfgate?: unknown }).perfgate, run, { importModule });
  applyRuntimeOptions(options);
  handles.push({ dispose: keepFunctionNames() });
  if (options.http) handles.push(instrumentHttpServers());
  handles.push(await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: esm ? ['cjs', 'esm'] : ['cjs'], importModule }));
  const allocations = startAllocationGate({
    root,
    options: options.allocations,
    update: update.rewrite,
    ci: update.ci,
    writable: run !== undefined,
    coverage: run?.v8Coverage ?? false,
    updateCommand: update.command,
    runCommand: 'jest',
  });
  baselines = allocations.baselines;
  handles.push({ dispose: allocations.stop });
  if (options.nPlusOne === 'off') return;
  if (updateFlag && run === undefined) {
    console.warn(`perfgate: jest -u cannot update ${options.allowlist}: perfgate's reporter is not in this run (add '@perfgate/jest/reporter' to your jest "reporters").`);
  }
  report = { allowlistPath: allowlistPathFor(options.allowlist, root), allowlistName: options.allowlist };
  session.gate = new GateSession({
    mode: options.nPlusOne,
    threshold: options.nPlusOneThreshold,
    allowlistPath: report.allowlistPath,
    allowlistName: report.allowlistName,
    update: update.addNew,
    updateCommand: update.command,
    blockedBy: update.blockedBy,
  });
}

beforeAll(() => wire().catch((error: unknown) => Promise.reject(withoutStack(error))), SETUP_TIMEOUT_MS);

beforeEach(() => session.beforeTest());

afterEach(async () => {
  let outcome;
  try {
    outcome = await session.afterTest();
  } catch (error) {
    throw withoutStack(error); // a corrupt allowlist: the message names the file
  }
  for (const warning of outcome.warnings) console.warn(warning);
  if (outcome.failure !== undefined) throw withoutStack(new PerfgateError(outcome.failure.code, outcome.failure.message)); // the message names the user's line
});

afterAll(async () => {
  // The next test file gets fresh driver modules but the same node:http: restore it.
  for (const handle of handles.splice(0).reverse()) handle.dispose();
  if (session.gate !== undefined && report !== undefined && run !== undefined) {
    await saveWorkerReport(run.reportDir, REPORT_KINDS.nPlusOne, { ...report, report: session.gate.report() } satisfies WorkerGateReport);
  }
  const allocationReport = baselines?.report();
  if (run !== undefined && allocationReport !== undefined && allocationReport.entries.length > 0) await saveWorkerReport(run.reportDir, REPORT_KINDS.allocations, allocationReport);
});
