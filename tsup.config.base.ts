import type { Options } from 'tsup';

/** One build shape for every package: ESM + CommonJS with declarations, Node 20. */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: false,
    shims: true,
    ...overrides,
  };
}
