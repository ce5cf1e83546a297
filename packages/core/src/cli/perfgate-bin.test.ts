import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../report/json-report.js';
import { ALLOWLIST, ALLOWLIST_TEXT, twoShards } from '../../test/shard-reports.js';
import type { MergeOutcome } from './merge-outcome.js';

const packages = fileURLToPath(new URL('../../../', import.meta.url));
/** The bin of each package a project installs: core's runs its dist, the runners' import @perfgate/core/cli (built: npm test builds first). */
const BINS = ['core', 'vitest-plugin', 'jest-preset'].map((name) => join(packages, name, 'bin', 'perfgate.mjs'));

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A checkout with the allowlist and two downloaded shard artifacts, as a merge job has them. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perfgate-merge-'));
  dirs.push(dir);
  writeFileSync(join(dir, ALLOWLIST), ALLOWLIST_TEXT);
  twoShards().forEach((report, i) => {
    mkdirSync(join(dir, `shard-${i + 1}`));
    writeFileSync(join(dir, `shard-${i + 1}`, 'report.json'), serializeReport(report));
  });
  return dir;
}

function perfgate(bin: string, cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  const { CI: _ci, GITHUB_ACTIONS: _actions, ...rest } = process.env;
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...rest, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the perfgate bin', () => {
  it.each(BINS)('%s merges two shards in a child process and exits 1 on the stale and new entries', (bin) => {
    const dir = checkout();
    const run = perfgate(bin, dir, ['merge', '--json', 'shard-1', 'shard-2/report.json']);
    expect(run.stderr).toContain('perfgate summary');
    expect(run.status).toBe(1);
    const outcome = JSON.parse(run.stdout) as MergeOutcome;
    expect(outcome).toMatchObject({ exitCode: 1, whole: true, shards: [{ index: 1, count: 2 }, { index: 2, count: 2 }], files: ['.perfgate/report.json', '.perfgate/report.html'] });
    expect(outcome.allowlists[0]!.stale).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, '.perfgate', 'report.json'), 'utf8')).tests).toHaveLength(3);
  });

  it('writes the allowlist with --update, and nothing under CI=true', () => {
    const dir = checkout();
    expect(perfgate(BINS[0]!, dir, ['merge', '--update', 'shard-1', 'shard-2'], { CI: 'true' }).status).toBe(1);
    expect(readFileSync(join(dir, ALLOWLIST), 'utf8')).toBe(ALLOWLIST_TEXT);
    const run = perfgate(BINS[0]!, dir, ['merge', '--update', 'shard-1', 'shard-2']);
    expect(run.stdout).toContain('perfgate: added 1 N+1 entry to perfgate.allow.json');
    expect(readFileSync(join(dir, ALLOWLIST), 'utf8')).toContain('"listOrders"');
  });

  it('exits 2 naming a missing report', () => {
    const run = perfgate(BINS[0]!, checkout(), ['merge', 'shard-1', 'shard-3/report.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "perfgate merge: shard-3/report.json does not exist; check that the shard’s job ran and uploaded its .perfgate/report.json.
      "
    `);
  });
});
