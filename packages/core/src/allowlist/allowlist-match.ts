import { clip } from '../message/format-failure.js';
import { allowKey, isUnknownSite, type AllowEntry, type Allowlist } from './allowlist.js';

const describeSite = (entry: AllowEntry): string =>
  isUnknownSite(entry) ? 'an unknown site ("site": "unknown")' : `${entry.file} (${entry.function === '' ? 'an anonymous function' : entry.function})`;

/**
 * The allowlist as the gate reads it: finds a finding's entry by its key,
 * and, when none matches, says why — an entry for the same shape with
 * another file or function is the usual sign of a call site that a runner
 * or a transpile target names differently, and a silent miss hides that.
 */
export class AllowlistIndex {
  readonly #byKey: Map<string, AllowEntry>;
  readonly #byShape = new Map<string, AllowEntry[]>();

  constructor(allowlist: Allowlist) {
    this.#byKey = new Map(allowlist.nPlusOne.map((entry) => [allowKey(entry), entry]));
    for (const entry of allowlist.nPlusOne) this.#byShape.set(entry.shape, [...(this.#byShape.get(entry.shape) ?? []), entry]);
  }

  find(entry: AllowEntry): AllowEntry | undefined {
    return this.#byKey.get(allowKey(entry));
  }

  /** Lines for the failure of a finding `find` did not match: the near misses, and what accepting an unknown site means. */
  whyUnlisted(entry: AllowEntry): string[] {
    const lines: string[] = [];
    const near = (this.#byShape.get(entry.shape) ?? []).filter((e) => !isUnknownSite(entry) || !isUnknownSite(e));
    const sameFile = near.filter((e) => !isUnknownSite(e) && !isUnknownSite(entry) && e.file === entry.file);
    // Same file first: a different function name is the likeliest near miss.
    for (const e of [...sameFile, ...near.filter((e) => !sameFile.includes(e))].slice(0, 3)) {
      const renamed = sameFile.includes(e) ? ' (a renamed function, or a name the compiled code lost: docs/n-plus-one.md#call-sites)' : '';
      lines.push(`${clip(entry.shape, 60)}: listed at ${describeSite(e)}, but this N+1 is at ${describeSite(entry)}; entries match on shape, file and function${renamed}.`);
    }
    if (isUnknownSite(entry)) {
      lines.push(`No stack reached your code, so accepting it writes "site": "unknown", which accepts this shape wherever perfgate cannot see the caller.`);
    }
    return lines;
  }
}
