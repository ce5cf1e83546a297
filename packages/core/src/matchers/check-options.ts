import { describe, perfgateError } from '../errors.js';

/** What each option accepts: a check that returns a complaint, or undefined when the value is fine. */
export type OptionChecks = Readonly<Record<string, (value: unknown) => string | undefined>>;

/**
 * Validates a matcher's options object: unknown names and bad values throw a
 * PerfgateError naming the option, with the stack cut at the matcher.
 */
export function checkOptions<T extends object>(matcher: string, options: unknown, checks: OptionChecks, stackFrom: Function): Partial<T> {
  if (options === undefined) return {};
  const fail = (detail: string) => perfgateError('INVALID_OPTIONS', [matcher, detail], stackFrom);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw fail(`options must be an object; received ${describe(options)}.`);
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
    if (complaint !== undefined) throw fail(`option "${name}" ${complaint}; received ${describe(value)}.`);
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
