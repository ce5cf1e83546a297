import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The directory of the nearest package.json at or above `dir` (the runner's
 * config or root directory), or `dir` itself when there is none.
 */
export function packageDirOf(dir: string, exists: (path: string) => boolean = existsSync): string {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (exists(join(current, 'package.json'))) return current;
    if (dirname(current) === current) return resolve(dir);
  }
}

/**
 * Where the allowlist lives, one rule for every runner: the `allowlist`
 * option as an absolute path, or else relative to the directory of the
 * nearest package.json above `configDir` — never jest's `rootDir` (often
 * `src` or `test`) or vitest's `root` themselves.
 */
export function allowlistPathFor(option: string, configDir: string, exists?: (path: string) => boolean): string {
  return isAbsolute(option) ? option : resolve(packageDirOf(configDir, exists), option);
}
