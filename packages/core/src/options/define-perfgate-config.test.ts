import { describe, expect, expectTypeOf, test } from 'vitest';
import { definePerfgateConfig } from './define-perfgate-config.js';
import { resolvePerfgateOptions, type PerfgateOptions } from './perfgate-options.js';

describe('definePerfgateConfig', () => {
  test('#11.15 returns the options it is given, for the runners to check', () => {
    const options = { nPlusOne: 'warn', bundles: [{ name: 'home', path: 'src/home.ts', limit: '20 kB' }] } as const;
    expect(definePerfgateConfig(options)).toBe(options);
    expect(resolvePerfgateOptions(definePerfgateConfig(options), 'perfgate.config.mjs').nPlusOne).toBe('warn');
  });

  test('#11.15 types every option (checked by tsc in npm run typecheck)', () => {
    expectTypeOf(definePerfgateConfig).parameter(0).toEqualTypeOf<PerfgateOptions>();
    // @ts-expect-error an unknown option does not compile
    definePerfgateConfig({ nPlusOnes: 'warn' });
    // @ts-expect-error a mode is 'fail', 'warn' or 'off'
    definePerfgateConfig({ nPlusOne: 'error' });
    // @ts-expect-error a bundle limit is a number of bytes or a size with its unit
    definePerfgateConfig({ bundles: [{ name: 'home', path: 'src/home.ts', limit: '20' }] });
  });

  test('types the adapters names when a runner passes its registry’s', () => {
    const withRegistry = definePerfgateConfig<'pg' | 'knex'>;
    expect(withRegistry({ adapters: ['pg'] }).adapters).toEqual(['pg']);
    // @ts-expect-error 'pgg' is no adapter of that registry
    withRegistry({ adapters: ['pgg'] });
  });
});
