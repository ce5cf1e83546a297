import { readFileSync } from 'node:fs';
import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { describe, ERROR_MESSAGES, PerfgateError } from '../errors.js';

/** The committed file of accepted N+1s (existing debt), beside the project's package.json. */
export const ALLOWLIST_FILE = 'perfgate.allow.json';

/**
 * One accepted N+1, keyed by what survives edits: the statement shape, the
 * file and the function — not the line, which shifts.
 */
export interface SitedEntry {
  readonly shape: string;
  /** The call site's file, relative to the working directory. `''` is the old spelling of `site: 'unknown'`. */
  readonly file: string;
  /** The call site's function; '' when anonymous. */
  readonly function: string;
}

/**
 * An accepted N+1 that no stack traced to user code: it accepts the shape
 * wherever perfgate cannot see the caller, so it is spelled out, never a
 * pair of empty strings.
 */
export interface UnknownSiteEntry {
  readonly shape: string;
  readonly site: 'unknown';
}

export type AllowEntry = SitedEntry | UnknownSiteEntry;

export interface Allowlist {
  readonly version: 1;
  readonly nPlusOne: readonly AllowEntry[];
  /** Every top-level key of the file as read, in order, so a rewrite keeps the ones perfgate does not know (`$schema`, notes). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

export const EMPTY_ALLOWLIST: Allowlist = { version: 1, nPlusOne: [] };

/** An entry for a finding with no call site, in either spelling. */
export function isUnknownSite(entry: AllowEntry): entry is UnknownSiteEntry | (SitedEntry & { file: '' }) {
  return 'site' in entry || entry.file === '';
}

export function allowEntryOf(finding: RepeatFinding): AllowEntry {
  const site = finding.callSites[0];
  return site === undefined ? { shape: finding.shape, site: 'unknown' } : { shape: finding.shape, file: site.file, function: site.functionName ?? '' };
}

/** Equal for entries that accept the same findings: the old `"file": ""` and `"site": "unknown"` are one key. */
export function allowKey(entry: AllowEntry): string {
  return isUnknownSite(entry) ? `${entry.shape}\u0000\u0000` : `${entry.shape}\u0000${entry.file}\u0000${entry.function}`;
}

function corrupt(path: string, problem: string): PerfgateError {
  return new PerfgateError('CORRUPT_FILE', ERROR_MESSAGES.CORRUPT_FILE(`perfgate: ${path} is not a valid allowlist: ${problem}. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u).`));
}

function isEntry(value: unknown): value is AllowEntry {
  if (typeof value !== 'object' || value === null || typeof (value as { shape?: unknown }).shape !== 'string') return false;
  const e = value as Record<string, unknown>;
  if ('site' in e) return e.site === 'unknown' && !('file' in e) && !('function' in e);
  return typeof e.file === 'string' && typeof e.function === 'string';
}

/** Checks the parsed contents of an allowlist file; throws naming the file and the first problem. */
export function parseAllowlist(text: string, path: string): Allowlist {
  let data: unknown;
  try {
    // Editors on Windows save JSON with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw corrupt(path, `invalid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt(path, `expected an object, found ${describe(data)}`);
  const fields = data as Record<string, unknown>;
  const { version, nPlusOne } = fields;
  if (version !== 1) throw corrupt(path, `"version" must be 1, found ${describe(version)}`);
  if (!Array.isArray(nPlusOne)) throw corrupt(path, `"nPlusOne" must be an array, found ${describe(nPlusOne)}`);
  nPlusOne.forEach((entry: unknown, i) => {
    if (!isEntry(entry)) throw corrupt(path, `"nPlusOne"[${i}] must be { "shape": string, "file": string, "function": string } or { "shape": string, "site": "unknown" }`);
  });
  const known = Object.keys(fields).every((key) => key === 'version' || key === 'nPlusOne');
  return { version: 1, nPlusOne: nPlusOne as AllowEntry[], ...(!known && { fields }) };
}

/** Reads the allowlist; a missing file is an empty list, a corrupt one an error (the file is never rewritten then). */
export function readAllowlist(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): Allowlist {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return EMPTY_ALLOWLIST;
    if (code === 'EISDIR') throw new PerfgateError('CORRUPT_FILE', ERROR_MESSAGES.CORRUPT_FILE(`perfgate: the allowlist ${path} is a directory; the "allowlist" option names a file, such as ${ALLOWLIST_FILE}.`));
    throw error;
  }
  return parseAllowlist(text, path);
}

function normalised(entry: AllowEntry): AllowEntry {
  return isUnknownSite(entry) ? { shape: entry.shape, site: 'unknown' } : { shape: entry.shape, file: entry.file, function: entry.function };
}

/**
 * Stable, diff-friendly text: entries sorted by file, function, shape
 * (unknown sites first), old `"file": ""` entries written as
 * `"site": "unknown"`, and the `previous` file's other top-level keys kept
 * in their places.
 */
export function serializeAllowlist(entries: readonly AllowEntry[], previous?: Allowlist): string {
  const unique = new Map(entries.map((e) => [allowKey(e), normalised(e)]));
  // Code-point order, not localeCompare: the committed file must not depend on the machine's locale.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const fileOf = (e: AllowEntry) => ('site' in e ? '' : e.file);
  const functionOf = (e: AllowEntry) => ('site' in e ? '' : e.function);
  const sorted = [...unique.values()].sort((a, b) => compare(fileOf(a), fileOf(b)) || compare(functionOf(a), functionOf(b)) || compare(a.shape, b.shape));
  return `${JSON.stringify({ ...previous?.fields, version: 1, nPlusOne: sorted }, null, 2)}\n`;
}
