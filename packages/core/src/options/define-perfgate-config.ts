import type { PerfgateOptions } from './perfgate-options.js';

/**
 * Types the options in a `perfgate.config.{js,mjs,cjs}` file, as vite's `defineConfig` does: it returns them unchanged.
 * Both runners read that file and check it with the same validator as inline options, so a misspelt option still stops the run.
 * `Adapter` narrows the `adapters` names: a runner package exports `definePerfgateConfig<AdapterName>` with orm-adapters' names.
 *
 * @example
 * // perfgate.config.mjs
 * import { definePerfgateConfig } from '@perfgate/vitest'; // or '@perfgate/jest'
 * export default definePerfgateConfig({ nPlusOne: 'warn', bundles: [{ name: 'home', path: 'src/home.ts', limit: '20 kB' }] });
 */
export function definePerfgateConfig<Adapter extends string = string>(options: PerfgateOptions<Adapter>): PerfgateOptions<Adapter> {
  return options;
}
