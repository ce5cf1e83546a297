import { readFileSync } from 'node:fs';
import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { describe, PerfgateError } from '../errors.js';

/** The committed file of accepted N+1s (existing debt), at the project root. */
export const ALLOWLIST_FILE = 'perfgate.allow.json';

/**
 * One accepted N+1, keyed by what survives edits: the statement shape, the
 * file and the function — not the line, which shifts.
 */
export interface AllowEntry {
  readonly shape: string;
  /** The call site's file, relative to the project root; '' when no stack reached user code. */
  readonly file: string;
  /** The call site's function; '' when anonymous or unknown. */
  readonly function: string;
}

export interface Allowlist {
  readonly version: 1;
  readonly nPlusOne: readonly AllowEntry[];
}

export const EMPTY_ALLOWLIST: Allowlist = { version: 1, nPlusOne: [] };

export function allowEntryOf(finding: RepeatFinding): AllowEntry {
  const site = finding.callSites[0];
  return { shape: finding.shape, file: site?.file ?? '', function: site?.functionName ?? '' };
}

export function allowKey(entry: AllowEntry): string {
  return `${entry.shape}\u0000${entry.file}\u0000${entry.function}`;
}

function corrupt(path: string, problem: string): PerfgateError {
  return new PerfgateError(
    'CORRUPT_FILE',
    `perfgate: ${path} is not a valid allowlist: ${problem}. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u).`,
  );
}

/** Checks the parsed contents of an allowlist file; throws naming the file and the first problem. */
export function parseAllowlist(text: string, path: string): Allowlist {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, `invalid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt(path, `expected an object, found ${describe(data)}`);
  const { version, nPlusOne } = data as Record<string, unknown>;
  if (version !== 1) throw corrupt(path, `"version" must be 1, found ${describe(version)}`);
  if (!Array.isArray(nPlusOne)) throw corrupt(path, `"nPlusOne" must be an array, found ${describe(nPlusOne)}`);
  nPlusOne.forEach((entry: unknown, i) => {
    const e = entry as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || typeof e.shape !== 'string' || typeof e.file !== 'string' || typeof e.function !== 'string') {
      throw corrupt(path, `"nPlusOne"[${i}] must be { "shape": string, "file": string, "function": string }`);
    }
  });
  return { version: 1, nPlusOne: nPlusOne as AllowEntry[] };
}

/** Reads the allowlist; a missing file is an empty list, a corrupt one an error (the file is never rewritten then). */
export function readAllowlist(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Allowlist {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_ALLOWLIST;
    throw error;
  }
  return parseAllowlist(text, path);
}

/** Stable, diff-friendly text: entries sorted by file, function, shape. */
export function serializeAllowlist(entries: readonly AllowEntry[]): string {
  const unique = new Map(entries.map((e) => [allowKey(e), { shape: e.shape, file: e.file, function: e.function }]));
  // Code-point order, not localeCompare: the committed file must not depend on the machine's locale.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...unique.values()].sort((a, b) => compare(a.file, b.file) || compare(a.function, b.function) || compare(a.shape, b.shape));
  return `${JSON.stringify({ version: 1, nPlusOne: sorted }, null, 2)}\n`;
}
