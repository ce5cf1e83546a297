import { spawnSync } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { MergeOutcome } from '../../../src/cli/main.js';
import type { PerfgateReport } from '../../../src/report/report-model.js';
import { ALLOWLIST, allowlistText, LEGACY_ENTRY, nPlusOneDebt } from '../projects/n-plus-one-debt.js';
import { SAME, type ProjectDir, type Scenario } from '../scenario.js';

const STALE = { shape: 'SELECT * FROM gone WHERE id = ?', file: 'src/gone.ts', function: 'gone' };
const BEFORE = allowlistText(STALE);
const plain = "import { expect, test } from '@runner';\n\ntest('adds up', () => {\n  expect(1 + 1).toBe(2);\n});\n";
// 'warn': the N+1 no entry covers lets every run pass, so each shard's exit code is 0 whichever spec it drew.
const project = { ...nPlusOneDebt, files: { ...nPlusOneDebt.files, 'test/plain.spec.ts': plain }, options: { nPlusOne: 'warn' } };

const packages = fileURLToPath(new URL('../../../../', import.meta.url));
/** The `perfgate` bin of the runner package the project installed, as `npx perfgate` runs it. */
const binOf = (runner: ProjectDir['runner']) => join(packages, runner === 'vitest' ? 'vitest-plugin' : 'jest-preset', 'bin', 'perfgate.mjs');

/** What a report says about the suite, without times: the findings, verdicts and gate counts. */
const findingsOf = (report: PerfgateReport) => ({
  gates: report.gates,
  tests: report.tests.map((t) => ({ file: t.file, name: t.name, perfgate: t.perfgate, findings: t.scopes.flatMap((s) => s.findings) })),
});
const readReport = async (project: ProjectDir, path: string) => JSON.parse(await project.read(path)) as PerfgateReport;
const keep = (project: ProjectDir, as: string) => copyFile(join(project.root, '.perfgate', 'report.json'), join(project.root, as));

export const shardScenarios: Scenario[] = [
  {
    name: '#12.7 a suite in 2 shards, merged by perfgate merge, gives the unsharded run’s findings, allowlist update and stale entries',
    project,
    before: { [ALLOWLIST]: BEFORE },
    steps: [
      // In CI, each shard alone: part of the suite, so nothing is stale.
      { ci: true, args: ['--shard=1/2'], expect: { code: 0, passed: 1, lacks: ['matched no N+1 in this run'], files: { [ALLOWLIST]: SAME }, check: (_run, p) => keep(p, 'shard-1.json') } },
      { ci: true, args: ['--shard=2/2'], expect: { code: 0, passed: 1, lacks: ['matched no N+1 in this run'], files: { [ALLOWLIST]: SAME }, check: (_run, p) => keep(p, 'shard-2.json') } },
      // The unsharded CI run and the unsharded update run: what the merge must reproduce.
      { ci: true, expect: { code: 0, passed: 2, contains: [`perfgate: 1 entry in ${ALLOWLIST} matched no N+1 in this run (stale; remove them if the N+1 is fixed):`], check: (_run, p) => keep(p, 'whole.json') } },
      {
        update: true,
        expect: {
          code: 0,
          passed: 2,
          contains: [`perfgate: added 1 N+1 entry to ${ALLOWLIST}:`, '  - src/gone.ts (gone): SELECT * FROM gone WHERE id = ?'],
          files: { [ALLOWLIST]: allowlistText(STALE, LEGACY_ENTRY) },
          check: async (_run, p) => {
            const updated = await p.read(ALLOWLIST);
            await writeFile(join(p.root, ALLOWLIST), BEFORE);
            const { CI: _ci, ...env } = process.env;
            const merge = spawnSync(process.execPath, [binOf(p.runner), 'merge', '--update', '--json', 'shard-1.json', 'shard-2.json'], { cwd: p.root, env, encoding: 'utf8' });
            // The stale entry is the merge's one open item (the N+1 only warned, and it wrote the entry).
            expect(merge.status, merge.stderr).toBe(1);
            const outcome = JSON.parse(merge.stdout) as MergeOutcome;
            expect(outcome).toMatchObject({ whole: true, shards: [{ index: 1, count: 2 }, { index: 2, count: 2 }], errors: [] });
            expect(outcome.allowlists).toEqual([{ path: ALLOWLIST, added: [LEGACY_ENTRY], unlisted: [], stale: [STALE] }]);
            expect(await p.read(ALLOWLIST)).toBe(updated);
            expect(findingsOf(await readReport(p, '.perfgate/report.json'))).toEqual(findingsOf(await readReport(p, 'whole.json')));
            expect((await readReport(p, 'whole.json')).allowlists[0]).toMatchObject({ unlisted: [LEGACY_ENTRY], stale: [STALE] });
          },
        },
      },
    ],
  },
];
