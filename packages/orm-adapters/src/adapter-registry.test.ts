import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ADAPTER_NAMES, ADAPTERS, findAdapter } from './adapter-registry.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };

describe('the adapter registry', () => {
  it('gives the adapters option its names, in the order auto tries them', () => {
    expect(ADAPTER_NAMES).toEqual(['pg', 'pglite', 'knex', 'mysql2', 'mysql']);
    expect(new Set(ADAPTER_NAMES).size).toBe(ADAPTER_NAMES.length);
    expect(findAdapter('knex')?.package).toBe('knex');
    expect(findAdapter('prisma')).toBeUndefined();
  });

  it('names only packages the user installs beside perfgate: optional peers, so a knex user never installs mysql', () => {
    for (const adapter of ADAPTERS) {
      expect(packageJson.peerDependencies[adapter.package], adapter.package).toBeDefined();
      expect(packageJson.peerDependenciesMeta[adapter.package]?.optional, adapter.package).toBe(true);
    }
  });
});
