import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type ModuleFormat = 'esm' | 'cjs';

/** Loads an ES module by URL. Injectable: tsup's CommonJS build turns a bare `import()` into `require()`, and a jest setup file must import through jest. */
export type ImportModule = (url: string) => Promise<unknown>;

const nativeImport: ImportModule = (url) => import(url);

/**
 * Loads a package the way the user's own code does: resolved from the
 * project root (not from perfgate's folder, which may be a link elsewhere),
 * so the patched prototypes are the ones the user's imports get.
 * Returns undefined when the project cannot resolve it.
 */
export async function importFromProject(root: string, specifier: string, format: ModuleFormat, importModule: ImportModule = nativeImport): Promise<unknown> {
  const require = createRequire(join(root, 'package.json'));
  let cjsEntry: string;
  try {
    cjsEntry = require.resolve(specifier);
  } catch {
    return undefined;
  }
  if (format === 'cjs') return require(cjsEntry);
  const esmEntry = esmEntryOf(cjsEntry, specifier);
  return esmEntry === undefined ? require(cjsEntry) : importModule(pathToFileURL(esmEntry).href);
}

type ExportsTarget = string | null | { readonly [condition: string]: ExportsTarget } | readonly ExportsTarget[];

const ESM_CONDITIONS = ['node', 'import', 'default'];

function pickTarget(target: ExportsTarget | undefined): string | undefined {
  if (typeof target === 'string') return target;
  if (target === null || target === undefined) return undefined;
  if (Array.isArray(target)) return target.map((t) => pickTarget(t)).find((t) => t !== undefined);
  for (const [condition, value] of Object.entries(target)) {
    if (ESM_CONDITIONS.includes(condition)) {
      const picked = pickTarget(value as ExportsTarget);
      if (picked !== undefined) return picked;
    }
  }
  return undefined;
}

/** The file the package's `exports` map gives an ESM `import` of its main entry, if it differs. */
function esmEntryOf(cjsEntry: string, name: string): string | undefined {
  let dir = dirname(cjsEntry);
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; exports?: ExportsTarget };
      if (manifest.name === name) {
        const main = typeof manifest.exports === 'object' && manifest.exports !== null && !Array.isArray(manifest.exports) && '.' in manifest.exports
          ? (manifest.exports as Record<string, ExportsTarget>)['.']
          : manifest.exports;
        const target = pickTarget(main);
        return target === undefined ? undefined : join(dir, target);
      }
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
