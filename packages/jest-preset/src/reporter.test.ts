import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AggregatedResult, TestContext } from '@jest/reporters';
import type { Config } from '@jest/types';
import { REPORT_KINDS, saveWorkerReport, type WorkerGateReport } from '@perfgate/core/runner';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { readRun, RUN_ENV } from './jest-run.js';
import PerfgateReporter from './reporter.js';

const ENTRY = { shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/items.ts', function: 'loadItems' };
const GONE = { shape: 'SELECT * FROM gone WHERE id = ?', file: 'src/gone.ts', function: 'gone' };

let root: string;
let lines: string[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'perfgate-reporter-'));
  await writeFile(join(root, 'perfgate.allow.json'), `${JSON.stringify({ version: 1, nPlusOne: [ENTRY, GONE] }, null, 2)}\n`);
  // The run's report has its own tests in core: these are about the allowlist's lines.
  await writeFile(join(root, 'perfgate.config.json'), '{ "report": false }');
  lines = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(`error: ${line}`));
  vi.stubEnv('CI', 'true');
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  delete process.env[RUN_ENV];
  await rm(root, { recursive: true, force: true });
});

/** The fields of jest's global config the reporter reads, for a plain `jest` run under CI=true. */
function globalConfig(overrides: Partial<Config.GlobalConfig> = {}): Config.GlobalConfig {
  return { rootDir: root, ci: true, updateSnapshot: 'none', collectCoverage: false, coverageProvider: 'babel', testNamePattern: undefined, onlyChanged: false, onlyFailures: false, findRelatedTests: false, lastCommit: false, ...overrides } as Config.GlobalConfig;
}

/** Starts a run, and has one worker report that it needed ENTRY (GONE is stale on a full run). */
async function startRun(reporter: PerfgateReporter): Promise<void> {
  await reporter.onRunStart();
  const run = readRun(process.env)!;
  const report: WorkerGateReport = { allowlistPath: join(root, 'perfgate.allow.json'), allowlistName: 'perfgate.allow.json', report: { matched: [ENTRY], added: [] } };
  await saveWorkerReport(run.reportDir, REPORT_KINDS.nPlusOne, report);
}

const results = (ran: number, total: number) => ({ wasInterrupted: false, numTotalTestSuites: total, testResults: Array.from({ length: ran }, () => ({})) }) as unknown as AggregatedResult;

test('#16.7 onRunComplete twice (bail with much output): the run finishes once, with no reporter error', async () => {
  const reporter = new PerfgateReporter(globalConfig());
  await startRun(reporter);
  const { reportDir } = readRun(process.env)!;
  // jest's bail path calls it again while the first call may still run.
  await Promise.all([reporter.onRunComplete(new Set<TestContext>(), results(2, 2)), reporter.onRunComplete(new Set<TestContext>(), results(2, 2))]);
  await reporter.onRunComplete(new Set<TestContext>(), results(2, 2));
  expect(reporter.getLastError()).toBeUndefined();
  expect(lines).toEqual([
    'perfgate: 1 entry in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):',
    '  - src/gone.ts (gone): SELECT * FROM gone WHERE id = ?',
  ]);
  await expect(readdir(reportDir)).rejects.toThrow(/ENOENT/);
});

test.each([
  ['bail stopped it before every test file ran', results(1, 3), []],
  ['every test file ran', results(3, 3), ['perfgate: 1 entry in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):', '  - src/gone.ts (gone): SELECT * FROM gone WHERE id = ?']],
])('#16.7 #11.5 a run is partial, and calls no entry stale, when %s (or not)', async (_, aggregated, expected) => {
  const reporter = new PerfgateReporter(globalConfig({ bail: 1 }));
  await startRun(reporter);
  await reporter.onRunComplete(new Set<TestContext>(), aggregated);
  expect(reporter.getLastError()).toBeUndefined();
  expect(lines).toEqual(expected);
});
