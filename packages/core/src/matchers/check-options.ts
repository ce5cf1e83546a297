import { describe, perfgateError } from '../errors.js';

/**
 * What each option accepts: a check that returns undefined when the value is
 * fine, or a complaint — with the culprit when it is part of the value (one
 * element of a list).
 */
export type OptionComplaint = string | { readonly problem: string; readonly culprit: unknown };
export type OptionChecks = Readonly<Record<string, (value: unknown) => OptionComplaint | undefined>>;

/**
 * Validates a matcher's options object: unknown names and bad values throw a
 * PerfgateError naming the option, with the stack cut at the matcher.
 */
export function checkOptions<T extends object>(matcher: string, options: unknown, checks: OptionChecks, stackFrom: Function, example?: string): Partial<T> {
  if (options === undefined) return {};
  const fail = (detail: string) => perfgateError('INVALID_OPTIONS', [matcher, detail], stackFrom);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw fail(`options must be an object${example === undefined ? '' : ` like ${example}`}; received ${describe(options)}.`);
  }
  const names = Object.keys(checks);
  const unknown = Object.keys(options).filter((key) => !names.includes(key));
  if (unknown.length > 0) {
    throw fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the options are ${names.map((k) => `"${k}"`).join(', ')}.`);
  }
  for (const [name, check] of Object.entries(checks)) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const complaint = check(value);
    if (complaint === undefined) continue;
    const { problem, culprit } = typeof complaint === 'string' ? { problem: complaint, culprit: value } : complaint;
    throw fail(`option "${name}" ${problem}; received ${describe(culprit)}.`);
  }
  return options as Partial<T>;
}

export const wholeNumberFrom =
  (min: number) =>
  (value: unknown): string | undefined =>
    typeof value === 'number' && Number.isInteger(value) && value >= min ? undefined : `must be a whole number, ${min} or more`;

export const oneOf =
  (...allowed: readonly string[]) =>
  (value: unknown): string | undefined =>
    allowed.includes(value as string) ? undefined : `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`;

export const isFunction = (value: unknown): string | undefined => (typeof value === 'function' ? undefined : 'must be a function');
