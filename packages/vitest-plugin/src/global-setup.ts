/**
 * Runs in vitest's main process, once per project: tells the workers whether
 * the update flag is on, collects what their N+1 gates saw, and updates the
 * allowlist once for the whole run (never from a worker, never under CI).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finishAllowlistRun, isCI, type GateReport } from '@perfgate/core';
import type { TestProject } from 'vitest/node';
import type {} from './provided-context.js';

export default async function perfgateGlobalSetup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const { options, root } = project.getProvidedContext().perfgate;
  if (options.nPlusOne === 'off') return undefined;
  const ci = isCI();
  const flag = project.config.update as boolean | string | undefined;
  const update = (flag === true || flag === 'all') && !ci;
  const reportDir = await mkdtemp(join(tmpdir(), 'perfgate-'));
  project.provide('perfgateRun', { update, reportDir });

  return async function teardown() {
    try {
      const files = (await readdir(reportDir)).filter((file) => file.endsWith('.json'));
      const reports = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(reportDir, file), 'utf8')) as GateReport));
      const partial = project.config.shard !== undefined || Boolean(project.config.testNamePattern);
      const { lines } = finishAllowlistRun({
        path: resolve(root, options.allowlist),
        name: options.allowlist,
        update,
        partial: partial || !(update || ci),
        reports,
        writeFile: (path, text) => writeFileSync(path, text),
      });
      for (const line of lines) console.log(line);
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  };
}
