import { describe, expect, it } from 'vitest';
import { DEFAULT_N_PLUS_ONE_THRESHOLD } from '../analysis/n-plus-one.js';
import { PerfgateError } from '../errors.js';
import { ALLOWLIST_FILE } from '../allowlist/allowlist.js';
import { DEFAULT_MAX_QUERIES_PER_SCOPE } from '../runtime.js';
import { DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from '../analysis/allocation-change.js';
import { DEFAULT_LATENCY_FLOOR_MS, DEFAULT_LATENCY_ROUNDS, DEFAULT_LATENCY_TOLERANCE } from '../load/latency-change.js';
import { ALLOCATION_REPORT_DIR } from './allocation-options.js';
import { resolvePerfgateOptions } from './perfgate-options.js';
import { DEFAULT_REPORT_OPTIONS } from './report-options.js';

const WHERE = 'perfgate() in vitest.config.ts';

/** The names orm-adapters' registry passes in (the runners hand them over); core itself knows none. */
const ADAPTER_NAMES = ['pg', 'pglite', 'knex', 'mysql2', 'mysql'];

function optionError(input: unknown, adapterNames?: readonly string[]): string {
  try {
    resolvePerfgateOptions(input, WHERE, adapterNames);
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
      allocations: { tolerance: DEFAULT_ALLOCATION_TOLERANCE, floorBytes: DEFAULT_ALLOCATION_FLOOR_BYTES, reports: ALLOCATION_REPORT_DIR },
      latency: { tolerance: DEFAULT_LATENCY_TOLERANCE, floorMs: DEFAULT_LATENCY_FLOOR_MS, rounds: DEFAULT_LATENCY_ROUNDS },
      bundles: [],
      report: DEFAULT_REPORT_OPTIONS,
    };
    expect(defaults).toMatchObject({
      nPlusOneThreshold: 3,
      allowlist: 'perfgate.allow.json',
      allocations: { tolerance: 0.1, floorBytes: 64, reports: '.perfgate' },
      latency: { tolerance: 0.25, floorMs: 2, rounds: 5 },
    });
    expect(resolvePerfgateOptions(undefined, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({}, WHERE)).toEqual(defaults);
    expect(resolvePerfgateOptions({ adapters: undefined, http: undefined }, WHERE)).toEqual(defaults);
  });

  it('keeps valid options, copying the adapters list', () => {
    const adapters = ['pg', 'pglite', 'knex', 'mysql2', 'mysql'] as const;
    const given = { adapters, http: false, maxQueriesPerScope: 50, nPlusOne: 'warn', nPlusOneThreshold: 2, allowlist: 'config/perfgate.allow.json' } as const;
    const resolved = resolvePerfgateOptions(given, WHERE, ADAPTER_NAMES);
    expect(resolved).toMatchObject({ ...given, adapters: ['pg', 'pglite', 'knex', 'mysql2', 'mysql'] });
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
    expect(optionError({ adapter: ['pg'] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown option "adapter"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "latency", "bundles", "report"."`);
    expect(optionError({ adapter: ['pg'], maxQueries: 3 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown options "adapter", "maxQueries"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "latency", "bundles", "report"."`);
  });

  it('rejects a bad adapters option', () => {
    expect(optionError({ adapters: 'pg' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" must be 'auto' or a list such as ['pg']; received the string "pg"."`);
    expect(optionError({ adapters: ['pg', 'sqlite3'] }, ADAPTER_NAMES)).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" lists the string "sqlite3"; the adapters are 'pg', 'pglite', 'knex', 'mysql2', 'mysql'."`);
    expect(optionError({ adapters: [42] }, ADAPTER_NAMES)).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" lists number 42; the adapters are 'pg', 'pglite', 'knex', 'mysql2', 'mysql'."`);
  });

  it('without the registry’s names, checks only that each adapter is a name (orm-adapters checks the rest when it loads them)', () => {
    expect(resolvePerfgateOptions({ adapters: ['sqlite3'] }, WHERE).adapters).toEqual(['sqlite3']);
    expect(optionError({ adapters: [42] })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "adapters" lists number 42; each entry is an adapter's name such as 'pg'."`);
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

  it('takes allocation defaults, with the floor in bytes or as a size', () => {
    expect(resolvePerfgateOptions({ allocations: { tolerance: 0.25, floor: '1 KiB', reports: 'reports/perfgate' } }, WHERE).allocations).toEqual({ tolerance: 0.25, floorBytes: 1024, reports: 'reports/perfgate' });
    expect(resolvePerfgateOptions({ allocations: { floor: 0 } }, WHERE).allocations).toEqual({ tolerance: 0.1, floorBytes: 0, reports: '.perfgate' });
  });

  it('rejects bad allocation options, naming them', () => {
    expect(optionError({ allocations: 0.1 })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations" must be an object such as { tolerance: 0.1, floor: '64 B' }; received number 0.1."`);
    expect(optionError({ allocations: { tolerence: 0.1 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown option "allocations.tolerence"; the allocation options are "tolerance", "floor", "reports"."`);
    expect(optionError({ allocations: { tolerance: '10%' } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations.tolerance" must be a share, 0 or more (0.1 is 10%); received the string "10%"."`);
    expect(optionError({ allocations: { floor: '64 bits' } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations.floor" must be a number of bytes or a size such as '64 B'; received the string "64 bits"."`);
    expect(optionError({ allocations: { reports: '' } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations.reports" must be a folder path (relative paths start at the project root); received the string ""."`);
  });

  it('says where latency defaults go when they are put under allocations', () => {
    expect(optionError({ allocations: { latency: { tolerance: 0.25 } } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations.latency" is not an option: latency defaults are an option of their own, beside "allocations": { allocations: { … }, latency: { tolerance: 0.25 } }."`);
    expect(optionError({ allocations: { rounds: 7 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "allocations.rounds" is not an allocation option: the latency baseline's "rounds" is "latency.rounds"."`);
  });

  it('takes latency defaults, with the floor as a duration', () => {
    expect(resolvePerfgateOptions({ latency: { tolerance: 0.5, floor: '0.5 s', rounds: 10 } }, WHERE).latency).toEqual({ tolerance: 0.5, floorMs: 500, rounds: 10 });
    expect(resolvePerfgateOptions({ latency: { rounds: 7 } }, WHERE).latency).toEqual({ tolerance: 0.25, floorMs: 2, rounds: 7 });
  });

  it('rejects bad latency options, naming them', () => {
    expect(optionError({ latency: '25%' })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "latency" must be an object such as { tolerance: 0.25, floor: '2 ms', rounds: 5 }; received the string "25%"."`);
    expect(optionError({ latency: { tolerence: 0.25 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): unknown option "latency.tolerence"; the latency options are "tolerance", "floor", "rounds"."`);
    expect(optionError({ latency: { tolerance: -1 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "latency.tolerance" must be a share, 0 or more (0.25 is 25%); received number -1."`);
    expect(optionError({ latency: { floor: 2 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "latency.floor" must be a duration with its unit, such as '2 ms' or '0.5 s'; received number 2."`);
    expect(optionError({ latency: { rounds: 3 } })).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "latency.rounds" must be a whole number from 5 to 10 (fewer rounds can never show a difference at p ≤ 0.01); received number 3."`);
  });
});

describe('the bundles option', () => {
  const bundleError = (bundles: unknown) => {
    try {
      resolvePerfgateOptions({ bundles }, WHERE);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the bundles option to be refused');
  };

  it('keeps a valid table', () => {
    const bundles = [{ name: 'orders page', path: 'src/orders.ts', limit: '50 kB' }, { name: 'routes', path: ['dist/a.js', 'dist/*.js'], limit: 2048, compression: 'gzip', bundle: false, esbuild: { platform: 'node' } }];
    expect(resolvePerfgateOptions({ bundles }, WHERE).bundles).toEqual(bundles);
  });

  it('names the row and the key at fault', () => {
    expect(bundleError({ name: 'x' })).toMatch(/"bundles" must be a list such as/);
    expect(bundleError([{ name: 'a', path: 'a.js', limit: '50' }])).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "bundles[0].limit": the string "50" has no unit; write '50 kB' (1 kB = 1,000 B), '48 KiB' (1,024 B) or '512 B', or pass a number of bytes."`);
    expect(bundleError([{ name: 'a', path: 'a.js', limit: '5 kB', compression: 'zstd' }])).toMatchInlineSnapshot(`"perfgate options (perfgate() in vitest.config.ts): "bundles[0].compression" must be one of 'brotli', 'gzip', 'raw'; received the string "zstd"."`);
    expect(bundleError([{ name: 'a', path: 'a.js', limit: '5 kB' }, { name: 'a', path: 'b.js', limit: '5 kB' }])).toContain('"bundles[1].name" repeats "a"');
    expect(bundleError([{ name: 'a', path: [], limit: '5 kB' }])).toContain('"bundles[0].path" must be a file path');
    expect(bundleError([{ name: 'a', path: 'a.js', limit: '5 kB', budget: 1 }])).toContain('"bundles[0]" has unknown key "budget"');
  });
});
