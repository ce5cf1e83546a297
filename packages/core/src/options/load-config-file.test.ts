import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PerfgateError } from '../errors.js';
import { loadPerfgateConfigFile } from './load-config-file.js';
import { resolvePerfgateOptions } from './perfgate-options.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'perfgate-config-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFile(join(root, name), text);

async function loadError(): Promise<string> {
  const error: unknown = await loadPerfgateConfigFile(root).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PerfgateError);
  expect((error as PerfgateError).code).toBe('INVALID_OPTIONS');
  return (error as Error).message.replaceAll(root, '<root>');
}

describe('loadPerfgateConfigFile', () => {
  it('is undefined when the project has no options file', async () => {
    await expect(loadPerfgateConfigFile(root)).resolves.toBeUndefined();
  });

  it('reads perfgate.config.json as data, naming the file for messages', async () => {
    await write('perfgate.config.json', '{ "nPlusOne": "warn" }');
    await expect(loadPerfgateConfigFile(root)).resolves.toEqual({ input: { nPlusOne: 'warn' }, where: 'perfgate.config.json' });
  });

  it.each([
    ['perfgate.config.mjs', 'export default { http: false };'],
    ['perfgate.config.cjs', 'module.exports = { http: false };'],
    ['perfgate.config.js', 'export default { http: false };'],
  ])('loads %s as a module: its default export', async (name, text) => {
    if (name.endsWith('.js')) await write('package.json', '{ "type": "module" }');
    await write(name, text);
    await expect(loadPerfgateConfigFile(root)).resolves.toEqual({ input: { http: false }, where: name });
  });

  it('leaves validation to resolvePerfgateOptions, whose message names the file', async () => {
    await write('perfgate.config.json', '{ "adapter": ["pg"] }');
    const file = await loadPerfgateConfigFile(root);
    expect(() => resolvePerfgateOptions(file!.input, file!.where)).toThrow(
      'perfgate options (perfgate.config.json): unknown option "adapter"; the options are "adapters", "http", "maxQueriesPerScope", "nPlusOne", "nPlusOneThreshold", "allowlist", "allocations", "latency", "bundles", "report".',
    );
  });

  it('rejects invalid JSON, naming the file', async () => {
    await write('perfgate.config.json', '{ "nPlusOne": ');
    expect(await loadError()).toMatch(/^perfgate options \(perfgate\.config\.json\): invalid JSON \(.+\)\.$/);
  });

  it('rejects a module without a default export', async () => {
    await write('perfgate.config.mjs', 'export const nPlusOne = "warn";');
    expect(await loadError()).toMatchInlineSnapshot(`"perfgate options (perfgate.config.mjs): expected the options as its default export: \`export default { … }\` or \`module.exports = { … }\`."`);
  });

  it('reports a module that throws while loading, with its error', async () => {
    await write('perfgate.config.cjs', 'throw new Error("boom");');
    expect(await loadError()).toMatchInlineSnapshot(`"perfgate options (perfgate.config.cjs): cannot load <root>/perfgate.config.cjs: boom"`);
  });

  it('rejects two options files: one source of truth', async () => {
    await write('perfgate.config.json', '{}');
    await write('perfgate.config.cjs', 'module.exports = {};');
    expect(await loadError()).toMatchInlineSnapshot(`"perfgate options (perfgate.config.cjs, perfgate.config.json): 2 options files in <root>; keep one."`);
  });

  it('loads modules through the injected importer (a jest worker loads outside its registry)', async () => {
    await write('perfgate.config.mjs', 'export default {};');
    const urls: string[] = [];
    const file = await loadPerfgateConfigFile(root, { importModule: async (url) => (urls.push(url), { default: { nPlusOne: 'off' } }) });
    expect(file).toEqual({ input: { nPlusOne: 'off' }, where: 'perfgate.config.mjs' });
    expect(urls).toEqual([`file://${join(root, 'perfgate.config.mjs')}`]);
  });
});
