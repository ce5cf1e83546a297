import { describe, PerfgateError } from '../errors.js';
import { DEFAULT_MAX_QUERIES_PER_SCOPE } from '../runtime.js';

/** Drivers perfgate can instrument without the user writing code. */
export const ADAPTER_NAMES = ['pg', 'pglite'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Options of the vitest plugin and the jest preset: one schema for both runners. */
export interface PerfgateOptions {
  /**
   * Which drivers to instrument: `'auto'` (default) instruments each one the
   * project can resolve; a list names them; `[]` instruments none (call
   * `instrumentPg(pg)` and friends yourself).
   */
  adapters?: 'auto' | readonly AdapterName[];
  /** Run every request reaching a node:http server in its own scope. Default `true`. */
  http?: boolean;
  /** Query records kept per scope; queries past it are still counted. Default 10,000. */
  maxQueriesPerScope?: number;
}

export interface ResolvedPerfgateOptions {
  readonly adapters: 'auto' | readonly AdapterName[];
  readonly http: boolean;
  readonly maxQueriesPerScope: number;
}

const OPTION_NAMES = ['adapters', 'http', 'maxQueriesPerScope'] as const;

function optionError(where: string, detail: string): PerfgateError {
  return new PerfgateError('INVALID_OPTIONS', `perfgate options (${where}): ${detail}`);
}

/**
 * Validates user options once for every runner. `where` names the place the
 * options came from (`perfgate() in vitest.config.ts`), so the error points at it.
 */
export function resolvePerfgateOptions(input: unknown, where: string): ResolvedPerfgateOptions {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw optionError(where, `expected an object; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw optionError(where, `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { adapters = 'auto', http = true, maxQueriesPerScope = DEFAULT_MAX_QUERIES_PER_SCOPE } = input as PerfgateOptions;
  if (adapters !== 'auto') {
    if (!Array.isArray(adapters)) throw optionError(where, `"adapters" must be 'auto' or a list such as ['pg']; received ${describe(adapters)}.`);
    const bad = adapters.find((name) => !(ADAPTER_NAMES as readonly unknown[]).includes(name));
    if (bad !== undefined) throw optionError(where, `"adapters" lists ${describe(bad)}; the adapters are ${ADAPTER_NAMES.map((n) => `'${n}'`).join(', ')}.`);
  }
  if (typeof http !== 'boolean') throw optionError(where, `"http" must be true or false; received ${describe(http)}.`);
  if (!Number.isInteger(maxQueriesPerScope) || maxQueriesPerScope < 1) {
    throw optionError(where, `"maxQueriesPerScope" must be a whole number, 1 or more; received ${describe(maxQueriesPerScope)}.`);
  }
  return { adapters: adapters === 'auto' ? 'auto' : [...adapters], http, maxQueriesPerScope };
}
