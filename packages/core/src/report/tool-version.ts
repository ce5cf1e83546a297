import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

/**
 * This package's version, for the report's `tool` field: read from the
 * nearest package.json named @perfgate/core above this file, which is the
 * same file from the sources (tests) and from the built, bundled dist.
 */
export function perfgateVersion(): string {
  if (version !== undefined) return version;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@perfgate/core' && typeof pkg.version === 'string') return (version = pkg.version);
    } catch {
      // No package.json here: look further up.
    }
    if (dirname(dir) === dir) return (version = '0.0.0');
  }
}
