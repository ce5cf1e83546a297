import { describe, expect, it } from 'vitest';
import { ciReport, LEGACY_LOOP, NEW_LOOP, SPECS, twoShards } from '../../test/shard-reports.js';
import { mergeReports, type ReportInput } from './merge-reports.js';
import type { PerfgateReport } from './report-model.js';

const context = { root: '/home/dev/shop', toolVersion: '0.1.0' };
const inputs = (reports: readonly PerfgateReport[]): ReportInput[] => reports.map((report, i) => ({ file: `shard-${i + 1}/report.json`, report }));
const failure = (reports: readonly PerfgateReport[], options = {}) => () => mergeReports(inputs(reports), { ...context, ...options });

describe('mergeReports', () => {
  it('joins every shard of a run into the report the unsharded run writes, but for its root, times and shards', () => {
    const { report, whole } = mergeReports(inputs(twoShards().reverse()), context);
    const unsharded = ciReport(SPECS);
    expect(whole).toBe(true);
    expect(report.partial).toEqual([]);
    expect(report.shards).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    expect(report.tests).toEqual(unsharded.tests);
    expect(report.gates).toEqual(unsharded.gates);
    expect(report.allowlists).toEqual(unsharded.allowlists);
    expect(report.baselines).toEqual(unsharded.baselines);
    expect(report).toMatchObject({ runner: 'vitest', root: '/home/dev/shop', startedAt: '2026-12-04T08:00:01.000Z', finishedAt: '2026-12-04T08:01:02.000Z' });
  });

  it('is part of the suite while a shard is missing, naming it', () => {
    const { report, whole } = mergeReports(inputs([ciReport(SPECS.slice(0, 1), { index: 1, count: 3 }), ciReport(SPECS.slice(2), { index: 3, count: 3 })]), context);
    expect(whole).toBe(false);
    expect(report.partial).toEqual(['shard 2 of 3 missing']);
  });

  it('keeps a shard’s other reasons for being partial: a filtered shard is not the suite', () => {
    const [first, second] = twoShards();
    const { report, whole } = mergeReports(inputs([{ ...first!, partial: ['a test name filter', 'a shard'] }, second!]), context);
    expect(whole).toBe(false);
    expect(report.partial).toEqual(['a test name filter']);
  });

  it('takes one unsharded report as the whole run', () => {
    expect(mergeReports(inputs([ciReport(SPECS)]), context).whole).toBe(true);
  });

  it('lists a finding once as unlisted, and not at all when another shard’s allowlist held it', () => {
    const [first, second] = twoShards();
    const figure = first!.allowlists[0]!;
    const withBoth = { ...first!, allowlists: [{ ...figure, unlisted: [NEW_LOOP, LEGACY_LOOP] }] };
    const { report } = mergeReports(inputs([withBoth, second!]), context);
    expect(report.allowlists).toEqual([{ path: 'perfgate.allow.json', matched: [LEGACY_LOOP], unlisted: [NEW_LOOP], added: [], stale: [] }]);
  });

  it('refuses what is not one run, naming the file at fault', () => {
    const [first, second] = twoShards();
    expect(failure([])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: no report files given; pass each shard’s .perfgate/report.json: \`npx perfgate merge shard-1/report.json shard-2/report.json\`.]`);
    expect(failure([first!, { ...second!, version: 2 as 1 }])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json is a version 2 report; this perfgate (0.1.0) merges version 1. Run every shard and the merge with one perfgate version.]`);
    expect(failure([first!, { ...second!, runner: 'jest' }])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json is a jest run, but shard-1/report.json is a vitest run; merge the shards of one runner’s run.]`);
    expect(failure([first!, { ...second!, root: '/builds/shop' }])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json was run in /builds/shop, but shard-1/report.json in /home/runner/work/shop/shop: two projects’ reports do not merge. If they are one project checked out at different paths on different machines, pass --allow-mixed-roots.]`);
    expect(failure([first!, first!])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json holds shard 1/2, which shard-1/report.json holds too; pass each shard’s report once.]`);
    expect(failure([first!, ciReport(SPECS.slice(2), { index: 3, count: 3 })])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json holds shard 3/3, but shard-1/report.json is from a run split in 2; merge the shards of one run.]`);
    expect(failure([first!, ciReport(SPECS)])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json is not a shard’s report (the run had no --shard), so it already holds the whole suite; merge the reports of one run’s shards (--shard=1/n … n/n).]`);
    expect(failure([first!, { ...second!, shards: undefined }])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json is from a run with --shard but does not say which shard (no "shards"); the perfgate that wrote it is older than the merge: run the shards with this version.]`);
    expect(failure([first!, { ...second!, shards: [{ index: 3, count: 2 }] }])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: shard-2/report.json names shard {"index":3,"count":2}, which is not k/n with 1 ≤ k ≤ n.]`);
  });

  it('merges shards checked out at different paths when told they are one project', () => {
    const [first, second] = twoShards();
    const { report } = mergeReports(inputs([first!, { ...second!, root: '/builds/shop' }]), { ...context, allowMixedRoots: true });
    expect(report.root).toBe('/home/dev/shop');
    expect(report.tests).toHaveLength(3);
  });
});
