import { allowKey, readAllowlist, type AllowEntry, type Allowlist } from '../allowlist/allowlist.js';
import { checkScopes, formatGateFailure, type NPlusOneMode } from './n-plus-one-gate.js';
import type { TestState } from './test-state.js';

export interface GateSessionOptions {
  readonly mode: NPlusOneMode;
  readonly threshold: number;
  /** Absolute path of the allowlist. */
  readonly allowlistPath: string;
  /** The path as the user wrote it, for messages. */
  readonly allowlistName: string;
  /** The runner's update flag is on and CI is not: new findings are recorded for the allowlist instead of failing. */
  readonly update: boolean;
  /** How the user turns the update flag on, for messages: `vitest -u`, `jest -u`. */
  readonly updateCommand: string;
  /** What keeps this run from writing the allowlist (`CI=true`, `--ci`), for messages. */
  readonly blockedBy?: string | undefined;
  readonly readFile?: (path: string) => string;
}

/** What one test file's worker saw, for the run's allowlist update (JSON-serialisable). */
export interface GateReport {
  readonly matched: readonly AllowEntry[];
  readonly added: readonly AllowEntry[];
  /** Findings no entry covered, outside an update (the run's report lists them: what the update flag would add). */
  readonly unlisted?: readonly AllowEntry[];
}

export type TestVerdict = { readonly outcome: 'pass' } | { readonly outcome: 'warn' | 'fail'; readonly message: string };

/**
 * The N+1 gate, the same for every runner: check the scopes a test created
 * (its `TestState`) when it ends, and remember which allowlist entries were
 * needed and which findings are new.
 */
export class GateSession {
  readonly #options: GateSessionOptions;
  #allowlist: Allowlist | undefined;
  readonly #matched = new Map<string, AllowEntry>();
  readonly #added = new Map<string, AllowEntry>();
  readonly #unlisted = new Map<string, AllowEntry>();

  constructor(options: GateSessionOptions) {
    this.#options = options;
  }

  afterTest(state: TestState): TestVerdict {
    const scopes = state.scopes;
    if (this.#options.mode === 'off' || scopes.length === 0) return { outcome: 'pass' };
    // Read lazily, on the first test that created a scope: a corrupt allowlist fails it, naming the file.
    this.#allowlist ??= readAllowlist(this.#options.allowlistPath, this.#options.readFile);
    const { unlisted, matched } = checkScopes(scopes, this.#allowlist, this.#options.threshold, state);
    for (const entry of matched) this.#matched.set(allowKey(entry), entry);
    if (unlisted.length === 0) return { outcome: 'pass' };
    if (this.#options.update) {
      for (const { entry } of unlisted) this.#added.set(allowKey(entry), entry);
      return { outcome: 'pass' };
    }
    for (const { entry } of unlisted) this.#unlisted.set(allowKey(entry), entry);
    const message = formatGateFailure(unlisted, this.#options.mode, this.#options.allowlistName, this.#options.updateCommand, this.#options.blockedBy);
    return { outcome: this.#options.mode === 'warn' ? 'warn' : 'fail', message };
  }

  report(): GateReport {
    return { matched: [...this.#matched.values()], added: [...this.#added.values()], unlisted: [...this.#unlisted.values()] };
  }
}
