import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishAllowlistRun } from '../allowlist/allowlist-update.js';
import { readAllowlist } from '../allowlist/allowlist.js';
import { resolveUpdateMode } from '../session/update-mode.js';
import { ALLOWLIST, ALLOWLIST_TEXT, BASELINES, ciReport, FIXED_LOOP, LEGACY_LOOP, memoryFiles, NEW_LOOP, ROOT, SPECS, twoShards } from '../../test/shard-reports.js';
import { schemaErrors } from '../../test/report-schema-validator.js';
import { serializeReport } from './json-report.js';
import { mergeReports } from './merge-reports.js';
import { applyMergeUpdate } from './merge-update.js';
import type { PerfgateReport } from './report-model.js';

const command = 'npx perfgate merge --update a.json b.json';

function merge(reports: readonly PerfgateReport[], requested: 'all' | 'new' | 'none', ciEnv = false, files = memoryFiles({ [ALLOWLIST]: ALLOWLIST_TEXT })) {
  const merged = mergeReports(reports.map((report, i) => ({ file: `${i}.json`, report })), { root: ROOT, toolVersion: '0.1.0' });
  const update = resolveUpdateMode({ requested, ciEnv, command });
  return { files, ...applyMergeUpdate({ merged, root: ROOT, update, requested, ...files }) };
}

describe('applyMergeUpdate', () => {
  it('over every shard: adds the new N+1, writes the missing baseline and calls the entry no shard needed stale', () => {
    const { report, lines, errors, files } = merge(twoShards(), 'all');
    expect(errors).toEqual([]);
    expect(readAllowlist(join(ROOT, ALLOWLIST), files.readFile).nPlusOne).toEqual([FIXED_LOOP, LEGACY_LOOP, NEW_LOOP]);
    expect(files.files.get(join(ROOT, BASELINES))).toContain('{ "metric": "bytes/op", "runtime": "node-20", "test": "renders an order", "value": 2048 }');
    expect(report.allowlists).toEqual([{ path: ALLOWLIST, matched: [LEGACY_LOOP], unlisted: [], added: [NEW_LOOP], stale: [FIXED_LOOP] }]);
    expect(report.baselines.map((b) => [b.change, b.written])).toEqual([['missing', true]]);
    expect(schemaErrors(serializeReport(report))).toEqual([]);
    expect(lines).toMatchInlineSnapshot(`
      [
        "perfgate: added 1 N+1 entry to perfgate.allow.json:",
        "  + src/orders.ts (listOrders): SELECT "items".* FROM "items" WHERE "items"."order_id" = $1",
        "perfgate: 1 entry in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):",
        "  - site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM "users" WHERE "id" = $1",
        "perfgate: wrote 1 allocation baseline to test/__perfgate__/render.test.ts.json:",
        "  + renders an order (node-20): 2,048 B (2 KiB) per call",
      ]
    `);
  });

  it('gives the unsharded update run’s allowlist, added and stale entries', () => {
    const unsharded = memoryFiles({ [ALLOWLIST]: ALLOWLIST_TEXT });
    // What the run session does at the end of `vitest -u` over the whole suite: workers put new findings in `added`.
    const run = finishAllowlistRun({ path: join(ROOT, ALLOWLIST), name: ALLOWLIST, update: true, partial: false, reports: SPECS.map((s) => ({ matched: s.gate.matched, added: s.gate.unlisted ?? [] })), ...unsharded });
    const { report, files } = merge(twoShards(), 'all');
    expect(files.files.get(join(ROOT, ALLOWLIST))).toBe(unsharded.files.get(join(ROOT, ALLOWLIST)));
    expect(report.allowlists[0]).toMatchObject({ added: run.added, stale: run.stale });
  });

  it('calls nothing stale while a shard is missing, and says why', () => {
    const [first] = twoShards();
    const { report, lines } = merge([first!], 'all');
    expect(report.allowlists[0]!.stale).toEqual([]);
    expect(lines[0]).toMatchInlineSnapshot(`"perfgate merge: the union is part of the suite (shard 2 of 2 missing), so no allowlist entry is called stale."`);
  });

  it('without --update writes nothing and says what --update would write', () => {
    const { report, lines, files } = merge(twoShards(), 'none');
    expect(files.files.get(join(ROOT, ALLOWLIST))).toBe(ALLOWLIST_TEXT);
    expect(files.files.has(join(ROOT, BASELINES))).toBe(false);
    expect(report.allowlists[0]).toMatchObject({ unlisted: [NEW_LOOP], added: [], stale: [FIXED_LOOP] });
    expect(lines).toMatchInlineSnapshot(`
      [
        "perfgate: 1 entry in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):",
        "  - site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM "users" WHERE "id" = $1",
        "perfgate: with --update, perfgate merge would add 1 N+1 entry to perfgate.allow.json:",
        "  + src/orders.ts (listOrders): SELECT "items".* FROM "items" WHERE "items"."order_id" = $1",
        "perfgate: with --update, perfgate merge would write 1 baseline:",
        "  + test/__perfgate__/render.test.ts.json › renders an order (node-20): 2,048 B (2 KiB) per call",
      ]
    `);
  });

  it('under CI=true writes nothing even with --update, naming CI=true', () => {
    const { report, lines, files } = merge(twoShards(), 'all', true);
    expect(files.files.get(join(ROOT, ALLOWLIST))).toBe(ALLOWLIST_TEXT);
    expect(files.files.has(join(ROOT, BASELINES))).toBe(false);
    expect(report.baselines[0]!.written).toBe(false);
    expect(lines.filter((line) => line.includes('would'))).toMatchInlineSnapshot(`
      [
        "perfgate: CI=true: nothing is written; without it, perfgate merge --update would add 1 N+1 entry to perfgate.allow.json:",
        "perfgate: CI=true: nothing is written; without it, perfgate merge --update would write 1 baseline:",
      ]
    `);
  });

  it('with --update=new adds what is missing and rewrites no regressed baseline', () => {
    const [first, second] = twoShards();
    const regressed = { ...second!, baselines: [{ file: BASELINES, test: 'renders a list', runtime: 'node-20', metric: 'allocation' as const, value: 9000, baseline: 4096, change: 'regressed' as const, written: false }] };
    const { report, files } = merge([first!, regressed], 'new');
    expect(report.baselines.map((b) => [b.test, b.change, b.written])).toEqual([['renders an order', 'missing', true], ['renders a list', 'regressed', false]]);
    expect(files.files.get(join(ROOT, BASELINES))).not.toContain('renders a list');
  });

  it('leaves a corrupt allowlist as it is and fails, naming it', () => {
    const { errors, files, report } = merge(twoShards(), 'all', false, memoryFiles({ [ALLOWLIST]: '{ "version": 1, ' }));
    expect(files.files.get(join(ROOT, ALLOWLIST))).toBe('{ "version": 1, ');
    expect(report.allowlists[0]!.stale).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(join(ROOT, ALLOWLIST));
  });

  it('reads the suite’s unsharded CI report the same way', () => {
    const { report } = merge([ciReport(SPECS)], 'none');
    expect(report.allowlists[0]).toMatchObject({ unlisted: [NEW_LOOP], stale: [FIXED_LOOP] });
  });
});
