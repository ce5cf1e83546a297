import { perfgateError } from '../errors.js';
import { REPORT_DIR } from '../options/report-options.js';

export interface MergeArgs {
  /** The report files (or folders holding a report.json) as typed, for messages. */
  readonly files: readonly string[];
  /** `--update` / `-u` is 'all' (add new allowlist entries, write and rewrite baselines), `--update=new` only adds. */
  readonly update: 'all' | 'new' | 'none';
  /** Print one JSON object on stdout (the summary goes to stderr). */
  readonly json: boolean;
  /** The folder the merged report.json and report.html go to, relative to the root; false with `--no-out`. */
  readonly out: string | false;
  /** The checkout the reports' paths are relative to: the working directory by default. */
  readonly root: string | undefined;
  readonly allowMixedRoots: boolean;
  readonly help: boolean;
}

const COMMAND = 'perfgate merge';
const UPDATE_TYPES = new Set(['all', 'new']);

/** `perfgate merge`'s command line, after the word `merge`. Unknown options are refused, never ignored. */
export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const files: string[] = [];
  let update: MergeArgs['update'] = 'none';
  let json = false;
  let out: string | false = REPORT_DIR;
  let root: string | undefined;
  let allowMixedRoots = false;
  let help = false;
  const valueOf = (name: string, i: number): string => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('-')) throw perfgateError('INVALID_ARGUMENT', [COMMAND, `${name} needs a value`]);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--update' || name === '-u') {
      if (inline !== undefined && !UPDATE_TYPES.has(inline)) throw perfgateError('INVALID_ARGUMENT', [COMMAND, `--update=${inline} is not an update type; use --update (all) or --update=new`]);
      update = inline === 'new' ? 'new' : 'all';
    } else if (name === '--json') json = true;
    else if (name === '--no-out') out = false;
    else if (name === '--out') out = inline ?? valueOf(name, i++);
    else if (name === '--root') root = inline ?? valueOf(name, i++);
    else if (name === '--allow-mixed-roots') allowMixedRoots = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) throw perfgateError('INVALID_ARGUMENT', [COMMAND, `unknown option ${JSON.stringify(name)}`]);
    else files.push(arg);
  }
  return { files, update, json, out, root, allowMixedRoots, help };
}

export const MERGE_HELP = `Usage: perfgate merge [options] <report.json | folder>…

Merges the .perfgate/report.json of each shard of one run (vitest or jest --shard=k/n)
into one report, and over their union reports new N+1s, stale allowlist entries and
baselines to write. A folder stands for the report.json inside it.

Options:
  -u, --update         add new N+1s to the allowlist and write baselines (never under CI=true)
  --update=new         add new entries and missing baselines, rewrite none
  --out <folder>       where the merged report.json and report.html go (default .perfgate)
  --no-out             write no report file
  --root <folder>      the checkout the reports' paths are relative to (default: the working directory)
  --allow-mixed-roots  merge shards checked out at different paths on different machines
  --json               print the outcome as JSON on stdout (the summary goes to stderr)
  -h, --help           this text

Exit codes: 0 nothing to act on; 1 stale entries, new N+1s or baselines not written;
2 a report or an allowlist or baseline file perfgate could not read or write, or a bad option.`;
