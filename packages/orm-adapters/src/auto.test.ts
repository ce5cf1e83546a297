import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

  it('fails when a listed adapter cannot be resolved from the root', async () => {
    await expect(instrumentInstalledDrivers({ root: '/', adapters: ['pg'], formats: ['cjs'] })).rejects.toThrow(
      `perfgate options: "adapters" lists 'pg', but 'pg' cannot be resolved from /. Install it there or remove it from "adapters".`,
    );
  });
});
