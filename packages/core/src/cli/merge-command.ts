import { join, resolve } from 'node:path';
import { PerfgateError } from '../errors.js';
import { isCI } from '../options/is-ci.js';
import { renderHtml } from '../report/html/render-html.js';
import { mergeReports } from '../report/merge-reports.js';
import { applyMergeUpdate } from '../report/merge-update.js';
import { writeReportOutputs } from '../report/report-outputs.js';
import { formatStepSummary } from '../report/step-summary.js';
import { perfgateVersion } from '../report/tool-version.js';
import { resolveUpdateMode } from '../session/update-mode.js';
import type { CliIo } from './cli-io.js';
import { MERGE_EXIT, mergeOutcome, type MergeOutcome } from './merge-outcome.js';
import { MERGE_HELP, parseMergeArgs } from './parse-merge-args.js';
import { readReports } from './read-reports.js';

/**
 * `perfgate merge`: reads the shards' reports, merges them, updates (or,
 * without --update or under CI, says what it would write to) the
 * allowlists and baselines over the union, writes the merged report, and
 * returns the exit code. Everything it touches comes through `io`.
 */
export function runMerge(argv: readonly string[], io: CliIo): number {
  let json = argv.includes('--json');
  try {
    const args = parseMergeArgs(argv);
    json = args.json;
    if (args.help) {
      io.stdout(MERGE_HELP);
      return MERGE_EXIT.ok;
    }
    const root = resolve(io.cwd, args.root ?? '.');
    const say = json ? io.stderr : io.stdout;
    const merged = mergeReports(readReports(args.files, io.cwd, io.readFile), { root, toolVersion: perfgateVersion(), allowMixedRoots: args.allowMixedRoots });
    const command = `npx perfgate merge --update ${args.files.join(' ')}`;
    const update = resolveUpdateMode({ requested: args.update, ciEnv: isCI(io.env), command });
    if (args.update !== 'none' && update.ci) {
      say(`perfgate merge: ${update.blockedBy} is set, so --update writes nothing here; download the shards' reports and run \`${command}\` in your checkout.`);
    }
    const result = applyMergeUpdate({ merged, root, update, requested: args.update, readFile: io.readFile, writeFile: io.writeFile, makeDirectory: io.makeDirectory });
    result.lines.forEach((line) => say(line));
    const files = args.out === false ? [] : [join(args.out, 'report.json'), join(args.out, 'report.html')].map((file) => file.split('\\').join('/'));
    const errors = [...result.errors];
    // No annotations: each shard's job made them at its own lines; the merge adds the union's step summary.
    const options = { summary: true, json: files[0] ?? false, html: files[1] ?? false, github: false } as const;
    errors.push(...writeReportOutputs(result.report, options, { env: io.env, log: say, writeFile: io.writeFile, appendFile: io.appendFile, makeDirectory: io.makeDirectory, renderHtml }, { updateCommand: command }));
    const stepSummary = io.env.GITHUB_ACTIONS === 'true' ? io.env.GITHUB_STEP_SUMMARY : undefined;
    if (stepSummary !== undefined && stepSummary !== '') {
      try {
        io.appendFile(stepSummary, formatStepSummary(result.report));
      } catch (error) {
        errors.push(`perfgate: could not write the step summary (${stepSummary}): ${(error as Error).message}`);
      }
    }
    errors.forEach((line) => io.stderr(line));
    const written = files.filter((file) => !errors.some((line) => line.includes(file)));
    const outcome = mergeOutcome(result.report, written, errors, merged.whole);
    if (json) io.stdout(JSON.stringify(outcome, null, 2));
    return outcome.exitCode;
  } catch (error) {
    if (!(error instanceof PerfgateError)) throw error;
    io.stderr(error.message);
    if (json) io.stdout(JSON.stringify(failed(error.message), null, 2));
    return MERGE_EXIT.error;
  }
}

const failed = (message: string): MergeOutcome => ({ exitCode: MERGE_EXIT.error, shards: [], whole: false, partial: [], files: [], allowlists: [], baselines: { written: [], pending: [] }, errors: [message] });
