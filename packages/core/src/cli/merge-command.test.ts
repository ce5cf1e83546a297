import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeAllowlist } from '../allowlist/allowlist.js';
import { serializeReport } from '../report/json-report.js';
import { ALLOWLIST, ALLOWLIST_TEXT, LEGACY_LOOP, memoryFiles, NEW_LOOP, ROOT, twoShards } from '../../test/shard-reports.js';
import { schemaErrors } from '../../test/report-schema-validator.js';
import type { CliIo } from './cli-io.js';
import { runMerge } from './merge-command.js';
import type { MergeOutcome } from './merge-outcome.js';

/** A checkout holding the two shards' downloaded reports and the allowlist, with the output captured. */
function checkout(env: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const [first, second] = twoShards();
  const files = memoryFiles({ [ALLOWLIST]: ALLOWLIST_TEXT, 'shard-1/report.json': serializeReport(first!), 'shard-2/report.json': serializeReport(second!), ...extra });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const appended = new Map<string, string>();
  const io: CliIo = { cwd: ROOT, env, stdout: (t) => void stdout.push(t), stderr: (t) => void stderr.push(t), appendFile: (p, t) => void appended.set(p, (appended.get(p) ?? '') + t), ...files };
  // A folder: reading it fails as the file system does.
  const readFile = (path: string) => {
    if (path === join(ROOT, 'shard-2')) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
    return files.readFile(path);
  };
  return { io: { ...io, readFile }, files: files.files, stdout, stderr, appended };
}

const SHARDS = ['shard-1/report.json', 'shard-2/report.json'];

describe('perfgate merge', () => {
  it('exits 1 on what the union must act on, and writes the merged report', () => {
    const { io, files, stdout } = checkout();
    expect(runMerge(SHARDS, io)).toBe(1);
    expect(files.get(join(ROOT, ALLOWLIST))).toBe(ALLOWLIST_TEXT);
    const text = files.get(join(ROOT, '.perfgate/report.json'))!;
    expect(schemaErrors(text)).toEqual([]);
    const merged = JSON.parse(text);
    expect(merged).toMatchObject({ root: ROOT, shards: [{ index: 1, count: 2 }, { index: 2, count: 2 }], partial: [] });
    expect(files.get(join(ROOT, '.perfgate/report.html'))).toContain('<html');
    expect(stdout.join('\n')).toContain('with --update, perfgate merge would add 1 N+1 entry to perfgate.allow.json');
  });

  it('with --update writes the allowlist and baselines, and still exits 1 on the stale entry it never removes', () => {
    const { io, files } = checkout();
    expect(runMerge(['--update', ...SHARDS], io)).toBe(1);
    expect(files.get(join(ROOT, ALLOWLIST))).toContain('"listOrders"');
  });

  it('exits 0 when the union leaves nothing to act on', () => {
    const [first, second] = twoShards();
    const clean = [{ ...first!, baselines: [] }, second!].map((report) => serializeReport(report));
    const { io } = checkout({}, { [ALLOWLIST]: serializeAllowlist([LEGACY_LOOP, NEW_LOOP]), 'shard-1/report.json': clean[0]!, 'shard-2/report.json': clean[1]! });
    expect(runMerge(['--no-out', ...SHARDS], io)).toBe(0);
  });

  it('under CI=true writes no allowlist or baseline, says so, and still writes the report and the step summary', () => {
    const { io, files, stdout, appended } = checkout({ CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/tmp/summary.md' });
    expect(runMerge(['--update', ...SHARDS], io)).toBe(1);
    expect(files.get(join(ROOT, ALLOWLIST))).toBe(ALLOWLIST_TEXT);
    expect([...files.keys()].filter((path) => path.includes('__perfgate__'))).toEqual([]);
    expect(files.has(join(ROOT, '.perfgate/report.json'))).toBe(true);
    expect(stdout[0]).toMatchInlineSnapshot(`"perfgate merge: CI=true is set, so --update writes nothing here; download the shards' reports and run \`npx perfgate merge --update shard-1/report.json shard-2/report.json\` in your checkout."`);
    expect(stdout.some((line) => line.startsWith('::'))).toBe(false);
    expect(appended.get('/tmp/summary.md')).toContain('## perfgate');
  });

  it('--json prints the outcome alone on stdout', () => {
    const { io, stdout, stderr } = checkout();
    expect(runMerge(['--json', '--no-out', 'shard-1/report.json', 'shard-2'], io)).toBe(1);
    expect(stdout).toHaveLength(1);
    const outcome = JSON.parse(stdout[0]!) as MergeOutcome;
    expect(outcome).toMatchObject({ exitCode: 1, whole: true, files: [], errors: [] });
    expect(outcome.allowlists[0]!.unlisted).toEqual([NEW_LOOP]);
    expect(outcome.allowlists[0]!.stale).toHaveLength(1);
    expect(outcome.baselines.pending.map((b) => b.test)).toEqual(['renders an order']);
    expect(stderr.join('\n')).toContain('perfgate summary');
  });

  it('exits 2 naming the file at fault: missing, not JSON, not a report, cut short, a folder without one', () => {
    const { io, stderr } = checkout({}, { 'bad.json': '{"tool":', 'other.json': '{"name":"x"}', 'cut.json': '{"tool":{"name":"perfgate"},"version":1,"runner":"vitest","root":"/x"}' });
    for (const file of ['gone.json', 'bad.json', 'other.json', 'cut.json']) expect(runMerge(['shard-1/report.json', file], io)).toBe(2);
    const folder = { ...io, readFile: (path: string) => (path === join(ROOT, 'empty') ? (() => { throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' }); })() : io.readFile(path)) };
    expect(runMerge(['empty'], folder)).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      [
        "perfgate merge: gone.json does not exist; check that the shard’s job ran and uploaded its .perfgate/report.json.",
        "perfgate: bad.json is not a perfgate report: invalid JSON (Unexpected end of JSON input).",
        "perfgate: other.json is not a perfgate report (no "tool": { "name": "perfgate" }).",
        "perfgate merge: cut.json is not a whole perfgate report ("partial" is missing or not what the schema says: was its upload cut short).",
        "perfgate merge: empty is a folder without a report.json; pass the report.json each shard wrote (.perfgate/report.json by default).",
      ]
    `);
  });

  it('exits 2 on a bad option, with --json too', () => {
    const { io, stdout } = checkout();
    expect(runMerge(['--json', '--frobnicate'], io)).toBe(2);
    expect(JSON.parse(stdout[0]!)).toMatchObject({ exitCode: 2, errors: ['perfgate merge: unknown option "--frobnicate" (see `npx perfgate --help`).'] });
  });
});
