import { describe, expect, it } from 'vitest';
import { PerfgateError } from '../errors.js';
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
    const defaults = { adapters: 'auto', http: true, maxQueriesPerScope: DEFAULT_MAX_QUERIES_PER_SCOPE };
    expect(resolvePerfgateOptions(undefined, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({}, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({ adapters: undefined, http: undefined }, WHERE)).toEqual(defaults);
  });

  it('keeps valid options, copying the adapters list', () => {
    const adapters = ['pg', 'pglite'] as const;
    const resolved = resolvePerfgateOptions({ adapters, http: false, maxQueriesPerScope: 50 }, WHERE);
    expect(resolved).toEqual({ adapters: ['pg', 'pglite'], http: false, maxQueriesPerScope: 50 });
    expect(resolved.adapters).not.toBe(adapters);
    expect(resolvePerfgateOptions({ adapters: [] }, WHERE).adapters).toEqual([]);
  });

  it('rejects what is not an options object', () => {
    expect(optionError(null)).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received null."`);
    expect(optionError(['pg'])).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received an array of 1."`);
    expect(optionError('pg')).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): expected an object; received the string "pg"."`);
  });

  it('rejects unknown option names, naming them and the known ones', () => {
    expect(optionError({ adapter: ['pg'] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown option "adapter"; the options are "adapters", "http", "maxQueriesPerScope"."`);
    expect(optionError({ adapter: ['pg'], maxQueries: 3 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown options "adapter", "maxQueries"; the options are "adapters", "http", "maxQueriesPerScope"."`);
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
});
