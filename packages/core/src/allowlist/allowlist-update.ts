import { allowKey, isUnknownSite, readAllowlist, serializeAllowlist, type AllowEntry } from './allowlist.js';
import type { GateReport } from '../session/gate-session.js';

export interface AllowlistUpdateOptions {
  readonly path: string;
  /** As the user wrote it, for messages. */
  readonly name: string;
  /** The update flag is on and CI is not. */
  readonly update: boolean;
  /** A shard or a filtered run sees only part of the suite. */
  readonly partial: boolean;
  readonly reports: readonly GateReport[];
  readonly readFile?: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
}

export interface AllowlistUpdate {
  readonly added: readonly AllowEntry[];
  readonly stale: readonly AllowEntry[];
  /** Lines for the run summary. */
  readonly lines: readonly string[];
}

/**
 * Runs once per test run, in the runner's main process, after every worker
 * reported: adds new findings to the allowlist on the update flag, and
 * reports entries no test needed as stale. It never removes an entry: a
 * shard or a filtered run cannot tell a fixed N+1 from one it did not run.
 * A corrupt allowlist throws (naming the file) and is left untouched.
 */
export function finishAllowlistRun(options: AllowlistUpdateOptions): AllowlistUpdate {
  const allowlist = readAllowlist(options.path, options.readFile);
  const existing = allowlist.nPlusOne;
  const known = new Set(existing.map(allowKey));
  const seen = new Set<string>();
  const added = new Map<string, AllowEntry>();
  for (const report of options.reports) {
    for (const entry of report.matched) seen.add(allowKey(entry));
    for (const entry of report.added) {
      seen.add(allowKey(entry));
      if (!known.has(allowKey(entry))) added.set(allowKey(entry), entry);
    }
  }
  const lines: string[] = [];
  if (options.update && added.size > 0) {
    options.writeFile(options.path, serializeAllowlist([...existing, ...added.values()], allowlist));
    lines.push(`perfgate: added ${added.size} N+1 ${added.size === 1 ? 'entry' : 'entries'} to ${options.name}:`);
    for (const entry of added.values()) lines.push(`  + ${describeEntry(entry)}`);
    const respelt = existing.filter((entry) => isUnknownSite(entry) && !('site' in entry)).length;
    if (respelt > 0) lines.push(`perfgate: rewrote ${respelt} old "file": "" ${respelt === 1 ? 'entry' : 'entries'} as "site": "unknown" (the same meaning: no stack reached your code).`);
  }
  const stale = options.partial ? [] : existing.filter((entry) => !seen.has(allowKey(entry)));
  if (stale.length > 0) {
    lines.push(`perfgate: ${stale.length} ${stale.length === 1 ? 'entry' : 'entries'} in ${options.name} matched no N+1 in this run (stale; remove them if the N+1 is fixed):`);
    for (const entry of stale) lines.push(`  - ${describeEntry(entry)}`);
  }
  return { added: [...added.values()], stale, lines };
}

/** An entry as the run summary lists it. */
export function describeEntry(entry: AllowEntry): string {
  // An unknown site accepts the shape from any code perfgate cannot trace: the summary says so, never a bare empty site.
  const where = isUnknownSite(entry) ? 'site unknown (accepts this shape wherever no stack reaches your code)' : `${entry.file}${entry.function ? ` (${entry.function})` : ''}`;
  return `${where}: ${entry.shape.length > 100 ? `${entry.shape.slice(0, 99)}…` : entry.shape}`;
}
