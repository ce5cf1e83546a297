import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { checkOptions, isFunction, oneOf, wholeNumberFrom, type OptionChecks } from './check-options.js';

const CHECKS: OptionChecks = { threshold: wholeNumberFrom(2), duplicates: oneOf('fail', 'report', 'off'), populate: isFunction };

function userAssertion(options: unknown): unknown {
  return checkOptions('toHaveNoNPlusOne', options, CHECKS, userAssertion);
}

/** The message of the INVALID_OPTIONS error for `options`, checked to start its stack at the caller. */
function complaint(options: unknown): string {
  const error = thrownBy(() => userAssertion(options));
  expect(error).toBeInstanceOf(PerfgateError);
  expect((error as PerfgateError).code).toBe('INVALID_OPTIONS');
  expect(error.stack).not.toMatch(/check-options\.ts|errors\.ts|at userAssertion/);
  return error.message;
}

describe('checkOptions', () => {
  it('returns the options when every one is fine, and {} for none', () => {
    const options = { threshold: 2, duplicates: 'off', populate: () => undefined };
    expect(userAssertion(options)).toBe(options);
    expect(userAssertion({ threshold: undefined })).toEqual({ threshold: undefined });
    expect(userAssertion(undefined)).toEqual({});
  });

  it('rejects what is not an options object', () => {
    expect(complaint(null)).toMatchInlineSnapshot(`"toHaveNoNPlusOne: options must be an object; received null."`);
    expect(complaint([3])).toMatchInlineSnapshot(`"toHaveNoNPlusOne: options must be an object; received an array [3]."`);
    expect(complaint(3)).toMatchInlineSnapshot(`"toHaveNoNPlusOne: options must be an object; received number 3."`);
  });

  it('names unknown options and the known ones', () => {
    expect(complaint({ treshold: 3 })).toMatchInlineSnapshot(`"toHaveNoNPlusOne: unknown option "treshold"; the options are "threshold", "duplicates", "populate"."`);
    expect(complaint({ treshold: 3, dupes: 'off' })).toMatchInlineSnapshot(`"toHaveNoNPlusOne: unknown options "treshold", "dupes"; the options are "threshold", "duplicates", "populate"."`);
  });

  it('names the option with a bad value, what it accepts and what it received', () => {
    expect(complaint({ threshold: 1 })).toMatchInlineSnapshot(`"toHaveNoNPlusOne: option "threshold" must be a whole number, 2 or more; received number 1."`);
    expect(complaint({ threshold: 2.5 })).toMatch(/option "threshold" must be a whole number, 2 or more; received number 2\.5\.$/);
    expect(complaint({ threshold: '3' })).toMatch(/option "threshold" must be a whole number, 2 or more; received the string "3"\.$/);
    expect(complaint({ duplicates: 'warn' })).toMatchInlineSnapshot(`"toHaveNoNPlusOne: option "duplicates" must be one of 'fail', 'report', 'off'; received the string "warn"."`);
    expect(complaint({ populate: 'seed' })).toMatchInlineSnapshot(`"toHaveNoNPlusOne: option "populate" must be a function; received the string "seed"."`);
  });
});

describe('option checks', () => {
  it('wholeNumberFrom accepts whole numbers from its minimum', () => {
    const check = wholeNumberFrom(0);
    expect([0, 1, 10_000].map(check)).toEqual([undefined, undefined, undefined]);
    expect([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null].map(check)).toEqual(Array(6).fill('must be a whole number, 0 or more'));
  });

  it('oneOf accepts only the listed strings', () => {
    const check = oneOf('a', 'b');
    expect([check('a'), check('b')]).toEqual([undefined, undefined]);
    expect([check('c'), check(['a']), check(undefined)]).toEqual(Array(3).fill("must be one of 'a', 'b'"));
  });

  it('isFunction accepts functions, async ones too', () => {
    expect([isFunction(() => 1), isFunction(async () => 1)]).toEqual([undefined, undefined]);
    expect(isFunction({})).toBe('must be a function');
  });
});
