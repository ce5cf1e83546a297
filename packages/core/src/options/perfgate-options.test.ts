import { describe, expect, it } from 'vitest';
import { DEFAULT_N_PLUS_ONE_THRESHOLD } from '../analysis/n-plus-one.js';
import { PerfgateError } from '../errors.js';
import { ALLOWLIST_FILE } from '../gate/allowlist.js';
import { DEFAULT_MAX_QUERIES_PER_SCOPE } from '../runtime.js';
import { resolvePerfgateOptions } from './perfgate-options.js';

const WHERE = 'perfgate() in vitest.config.ts';

function optionError(input: unknown): string {
  try {
    resolvePerfgateOptions(input, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(PerfgateError);
    expect((error as PerfgateError).code).toBe('INVALID_OPTIONS');
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('resolvePerfgateOptions', () => {
  it('fills in the defaults', () => {
    const defaults = {
      adapters: 'auto',
      http: true,
      maxQueriesPerScope: DEFAULT_MAX_QUERIES_PER_SCOPE,
      nPlusOne: 'fail',
      nPlusOneThreshold: DEFAULT_N_PLUS_ONE_THRESHOLD,
      allowlist: ALLOWLIST_FILE,
    };
    expect(defaults).toMatchObject({ nPlusOneThreshold: 3, allowlist: 'perfgate.allow.json' });
    expect(resolvePerfgateOptions(undefined, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({}, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({ adapters: undefined, http: undefined }, WHERE)).toEqual(defaults);
  });

  it('keeps valid options, copying the adapters list', () => {
    const adapters = ['pg', 'pglite'] as const;
    const given = { adapters, http: false, maxQueriesPerScope: 50, nPlusOne: 'warn', nPlusOneThreshold: 2, allowlist: 'config/perfgate.allow.json' } as const;
    const resolved = resolvePerfgateOptions(given, WHERE);
    expect(resolved).toEqual({ ...given, adapters: ['pg', 'pglite'] });
    expect(resolved.adapters).not.toBe(adapters);
    expect(resolvePerfgateOptions({ adapters: [] }, WHERE).adapters).toEqual([]);
    expect(resolvePerfgateOptions({ nPlusOne: 'off' }, WHERE).nPlusOne).toBe('off');
  });

  it('rejects what is not an options object', () => {
    expect(optionError(null)).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received null."`);
    expect(optionError(['pg'])).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received an array of 1."`);
    expect(optionError('pg')).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received the string "pg"."`);
  });

  it('rejects unknown option names, naming them and the known ones', () => {
    expect(optionError({ adapter: ['pg'] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown option "adapter"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist"."`);
    expect(optionError({ adapter: ['pg'], maxQueries: 3 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown options "adapter", "maxQueries"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist"."`);
  });

  it('rejects a bad adapters option', () => {
    expect(optionError({ adapters: 'pg' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" must be 'auto' or a list such as ['pg']; received the string "pg"."`);
    expect(optionError({ adapters: ['pg', 'mysql2'] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" lists the string "mysql2"; the adapters are 'pg', 'pglite'."`);
    expect(optionError({ adapters: [42] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" lists number 42; the adapters are 'pg', 'pglite'."`);
  });

  it('rejects a bad http option', () => {
    expect(optionError({ http: 'yes' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "http" must be true or false; received the string "yes"."`);
    expect(optionError({ http: null })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "http" must be true or false; received null."`);
  });

  it('rejects a bad maxQueriesPerScope option', () => {
    expect(optionError({ maxQueriesPerScope: 0 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "maxQueriesPerScope" must be a whole number, 1 or more; received number 0."`);
    expect(optionError({ maxQueriesPerScope: 2.5 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "maxQueriesPerScope" must be a whole number, 1 or more; received number 2.5."`);
    expect(optionError({ maxQueriesPerScope: '100' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "maxQueriesPerScope" must be a whole number, 1 or more; received the string "100"."`);
    expect(optionError({ maxQueriesPerScope: Number.POSITIVE_INFINITY })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "maxQueriesPerScope" must be a whole number, 1 or more; received number Infinity."`);
  });

  it('rejects a bad nPlusOne option', () => {
    expect(optionError({ nPlusOne: 'error' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "nPlusOne" must be one of 'fail', 'warn', 'off'; received the string "error"."`);
    expect(optionError({ nPlusOne: false })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "nPlusOne" must be one of 'fail', 'warn', 'off'; received boolean false."`);
  });

  it('rejects a bad nPlusOneThreshold option', () => {
    expect(optionError({ nPlusOneThreshold: 1 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "nPlusOneThreshold" must be a whole number, 2 or more; received number 1."`);
    expect(optionError({ nPlusOneThreshold: 2.5 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "nPlusOneThreshold" must be a whole number, 2 or more; received number 2.5."`);
    expect(optionError({ nPlusOneThreshold: '3' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "nPlusOneThreshold" must be a whole number, 2 or more; received the string "3"."`);
  });

  it('rejects a bad allowlist option', () => {
    expect(optionError({ allowlist: '' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allowlist" must be a file path (relative paths start at the project root); received the string ""."`);
    expect(optionError({ allowlist: ['perfgate.allow.json'] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allowlist" must be a file path (relative paths start at the project root); received an array of 1."`);
    expect(optionError({ allowlist: null })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allowlist" must be a file path (relative paths start at the project root); received null."`);
  });
});
