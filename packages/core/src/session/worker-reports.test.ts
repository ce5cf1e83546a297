import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadWorkerReports, saveWorkerReport } from './worker-reports.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perfgate-reports-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('hands each worker’s report to the main process, by kind', async () => {
  await expect(loadWorkerReports(dir, 'allocations')).resolves.toEqual([]);
  await saveWorkerReport(dir, 'allocations', { entries: [1] });
  await saveWorkerReport(dir, 'allocations', { entries: [2] });
  await saveWorkerReport(dir, 'other', { entries: [3] });
  const reports = await loadWorkerReports<{ entries: number[] }>(dir, 'allocations');
  expect(reports.flatMap((r) => r.entries).sort()).toEqual([1, 2]);
});
