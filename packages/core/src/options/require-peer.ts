import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * An optional peer dependency (esbuild, autocannon): the user's project's
 * copy, so its version is theirs, else the one beside perfgate; undefined
 * when neither resolves (the caller says what to install).
 */
export function requirePeer<T>(name: string, root: string): T | undefined {
  for (const from of [join(root, 'package.json'), import.meta.url]) {
    try {
      return createRequire(from)(name) as T;
    } catch {
      // try the next place
    }
  }
  return undefined;
}
