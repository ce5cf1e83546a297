import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The `version` of the package named `name` that holds `file`, found by walking up to its package.json. */
function versionAbove(file: string, name: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here (or not JSON): keep walking up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The installed version of package `name` that exports `value` from one of
 * its modules: the copy the user handed perfgate, found in node's module
 * cache (under an npm alias too). Where that cache is not node's (jest's
 * module registry), the copy the project root resolves. Undefined when
 * neither says.
 */
export function installedVersionOf(value: unknown, name: string, root = process.cwd()): string | undefined {
  const require = createRequire(import.meta.url);
  for (const module of Object.values(require.cache)) {
    if (module !== undefined && module.exports === value) return versionAbove(module.filename, name);
  }
  try {
    return versionAbove(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`), name);
  } catch {
    return undefined;
  }
}

/** `[major, minor]` of a semver version; undefined for anything else. */
export function majorMinor(version: string): readonly [number, number] | undefined {
  const match = /^(\d+)\.(\d+)\./.exec(version);
  return match === null ? undefined : [Number(match[1]), Number(match[2])];
}
