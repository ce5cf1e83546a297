import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPatched } from '@perfgate/core/adapter';
import knex from 'knex';
import mysqljs from 'mysql';
import mysql from 'mysql2';
import { describe, expect, it } from 'vitest';
import { instrumentInstalledDrivers } from './auto.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('instrumentInstalledDrivers', () => {
  it("imports the ESM build through the injected importer (the jest preset's, which jest routes)", async () => {
    const imported: string[] = [];
    const handle = await instrumentInstalledDrivers({
      root,
      adapters: ['pg'],
      formats: ['esm'],
      importModule: (url) => {
        imported.push(url);
        return import(url);
      },
    });
    handle.dispose();
    expect(handle.instrumented).toEqual(['pg']);
    const pgEsm = createRequire(import.meta.url).resolve('pg').replace(/lib[\\/]index\.js$/, 'esm/index.mjs');
    expect(imported).toEqual([pathToFileURL(pgEsm).href]);
  });

  it('instruments knex and mysql2 (CommonJS only: both formats load one module, patched once)', async () => {
    const mysqlConnection = Object.getPrototypeOf(mysql.Connection.prototype) as object;
    const handle = await instrumentInstalledDrivers({ root, adapters: 'auto', formats: ['esm', 'cjs'] });
    try {
      expect(handle.instrumented).toEqual(expect.arrayContaining(['knex', 'mysql2']));
      expect([isPatched(knex.Client.prototype, 'query'), isPatched(mysqlConnection, 'query')]).toEqual([true, true]);
    } finally {
      handle.dispose();
    }
    expect([isPatched(knex.Client.prototype, 'query'), isPatched(mysqlConnection, 'query')]).toEqual([false, false]);
  });

  it('#16.2 instruments mysql (mysqljs), CommonJS only like mysql2, and undoes it', async () => {
    const connection = Object.getPrototypeOf(mysqljs.createConnection({})) as object;
    const handle = await instrumentInstalledDrivers({ root, adapters: 'auto', formats: ['esm', 'cjs'] });
    try {
      expect(handle.instrumented).toContain('mysql');
      expect(isPatched(connection, 'query')).toBe(true);
    } finally {
      handle.dispose();
    }
    expect(isPatched(connection, 'query')).toBe(false);
  });

  it('fails when a listed adapter cannot be resolved from the root', async () => {
    await expect(instrumentInstalledDrivers({ root: '/', adapters: ['pg'], formats: ['cjs'] })).rejects.toThrow(
      `perfgate options: "adapters" lists 'pg', but 'pg' cannot be resolved from /. Install it there or remove it from "adapters".`,
    );
  });

  it('names every adapter of the registry when a listed one is unknown', async () => {
    await expect(instrumentInstalledDrivers({ root, adapters: ['pg', 'sqlite'], formats: ['cjs'] })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[PerfgateError: perfgate options (the runner's config): "adapters" lists the string "sqlite"; the adapters are 'pg', 'pglite', 'knex', 'mysql2', 'mysql'.]`,
    );
  });
});
