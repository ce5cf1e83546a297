import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optionError } from './perfgate-options.js';

/** The options file both runners read at the project root when their config gives no options. */
export const CONFIG_FILES = ['perfgate.config.js', 'perfgate.config.cjs', 'perfgate.config.mjs', 'perfgate.config.json'] as const;

/** Options as the file gave them (unvalidated: `resolvePerfgateOptions(input, where)` checks them) and the file's name. */
export interface ConfigFileOptions {
  readonly input: unknown;
  /** The file name, for messages: `perfgate.config.json`. */
  readonly where: string;
}

/** File access, injectable: a jest worker passes a loader that runs outside jest's module registry. */
export interface ConfigFileAccess {
  readonly exists?: (path: string) => boolean;
  readonly readFile?: (path: string) => string;
  readonly importModule?: (url: string) => Promise<unknown>;
}

/**
 * Reads `perfgate.config.{js,cjs,mjs,json}` at `root`: JSON as data, the
 * others as modules whose default export (or `module.exports`) is the
 * options object. Undefined when there is none; two files are an error,
 * as is a file that cannot be read, parsed or loaded.
 */
export async function loadPerfgateConfigFile(root: string, access: ConfigFileAccess = {}): Promise<ConfigFileOptions | undefined> {
  const { exists = existsSync, readFile = (path) => readFileSync(path, 'utf8'), importModule = (url) => import(url) } = access;
  const found = CONFIG_FILES.filter((name) => exists(join(root, name)));
  if (found.length === 0) return undefined;
  const [where] = found as [string, ...string[]];
  if (found.length > 1) throw optionError(found.join(', '), `${found.length} options files in ${root}; keep one.`);
  const path = join(root, where);
  if (where.endsWith('.json')) {
    const text = readFile(path);
    try {
      return { input: JSON.parse(text) as unknown, where };
    } catch (error) {
      throw optionError(where, `invalid JSON (${(error as Error).message}).`);
    }
  }
  let module: unknown;
  try {
    module = await importModule(pathToFileURL(path).href);
  } catch (error) {
    throw optionError(where, `cannot load ${path}: ${(error as Error).message}`);
  }
  if (typeof module !== 'object' || module === null || !('default' in module)) {
    throw optionError(where, 'expected the options as its default export: `export default { … }` or `module.exports = { … }`.');
  }
  return { input: module.default, where };
}
