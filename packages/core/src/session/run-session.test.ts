import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllowlist, serializeAllowlist, type AllowEntry } from '../allowlist/allowlist.js';
import { saveWorkerReport } from './worker-reports.js';
import type { RunCoverage } from './run-coverage.js';
import { REPORT_KINDS, RunSession, type WorkerGateReport } from './run-session.js';
import { resolveUpdateMode } from './update-mode.js';

const NEEDED: AllowEntry = { shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/items.ts', function: 'loadItems' };
const OTHER: AllowEntry = { shape: 'SELECT * FROM users WHERE id = ?', file: 'src/users.ts', function: 'loadUser' };
const STALE_LINES = ['perfgate: 1 entry in a.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):', '  - src/users.ts (loadUser): SELECT * FROM users WHERE id = ?'];

let dir: string;
let files: Map<string, string>;
let lines: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'perfgate-run-session-'));
  files = new Map([[join(dir, 'a.allow.json'), serializeAllowlist([NEEDED, OTHER])]]);
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A run over the in-memory allowlists, under CI=true or with the update flag. */
function session(ci: boolean) {
  return new RunSession({
    update: resolveUpdateMode({ requested: ci ? undefined : 'all', ciEnv: ci, command: 'vitest -u' }),
    root: dir,
    runner: 'vitest',
    // The report's own outputs have their tests (report/); these are about the allowlists.
    report: { summary: false, json: false, html: false, github: false },
    tmpdir: dir,
    log: (line) => lines.push(line),
    error: (line) => lines.push(`error: ${line}`),
    readFile: (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => files.set(path, text),
    makeDirectory: () => {},
  });
}

const report = (allowlist: string, matched: AllowEntry[], added: AllowEntry[] = []): WorkerGateReport => ({ allowlistPath: join(dir, allowlist), allowlistName: allowlist, report: { matched, added } });

async function finish(run: RunSession, reports: readonly WorkerGateReport[], coverage: RunCoverage = {}) {
  for (const r of reports) await saveWorkerReport(run.reportDir, REPORT_KINDS.nPlusOne, r);
  return run.finish(coverage);
}

describe('RunSession', () => {
  it("#11.5 one finish over every worker's report: an entry one worker (or project) needed is not stale because another did not see it", async () => {
    await finish(session(true), [report('a.allow.json', [NEEDED]), report('a.allow.json', [])]);
    expect(lines).toEqual(STALE_LINES);
  });

  it('#11.5 a partial run calls no entry stale', async () => {
    await finish(session(true), [report('a.allow.json', [NEEDED])], { fileFilter: true });
    expect(lines).toEqual([]);
  });

  it('#11.5 an entry one project adds in the run is not stale for another project sharing the allowlist', async () => {
    files.set(join(dir, 'a.allow.json'), serializeAllowlist([OTHER]));
    await finish(session(false), [report('a.allow.json', [], [NEEDED]), report('a.allow.json', [OTHER])]);
    expect(lines).toEqual(['perfgate: added 1 N+1 entry to a.allow.json:', '  + src/items.ts (loadItems): SELECT * FROM items WHERE order_id = ?']);
    expect(parseAllowlist(files.get(join(dir, 'a.allow.json'))!, 'a.allow.json').nPlusOne).toEqual(expect.arrayContaining([OTHER, NEEDED]));
    expect(parseAllowlist(files.get(join(dir, 'a.allow.json'))!, 'a.allow.json').nPlusOne).toHaveLength(2);
  });

  it("#16.7 finishing is idempotent: a second call shares the first's outcome and says nothing again", async () => {
    const run = session(true);
    await saveWorkerReport(run.reportDir, REPORT_KINDS.nPlusOne, report('a.allow.json', [NEEDED]));
    const [first, second] = await Promise.all([run.finish({}), run.finish({ stoppedEarly: true })]);
    expect(second).toBe(first);
    expect(await run.finish({})).toBe(first);
    expect(first.errors).toEqual([]);
    expect(lines).toEqual(STALE_LINES);
    expect(readdirSync(dir).filter((name) => name.startsWith('perfgate-'))).toEqual([]);
  });

  it('a corrupt allowlist is an error naming it; the other allowlists still finish', async () => {
    files.set(join(dir, 'bad.allow.json'), '{ oops');
    const { errors } = await finish(session(false), [report('bad.allow.json', [], [OTHER]), report('a.allow.json', [NEEDED, OTHER])]);
    expect(errors).toEqual([expect.stringContaining(`${join(dir, 'bad.allow.json')} is not a valid allowlist`)]);
    expect(lines).toEqual([`error: ${errors[0]}`]);
    expect(files.get(join(dir, 'bad.allow.json'))).toBe('{ oops');
  });
});
