import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKS_DIR, PUBLISHED, tarballName } from '../../../scripts/pack.mjs';
import { cleanEnv, runCommand } from './support/run-command.js';

interface Manifest {
  name: string;
  version: string;
  license?: string;
  exports?: Record<string, unknown>;
  typesVersions?: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  publishConfig?: { access?: string };
  [field: string]: unknown;
}

const tarballs = Object.values(PUBLISHED).map((name) => ({ name, path: join(PACKS_DIR, tarballName(name)) }));
const manifestOf = (tarball: string) => JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Manifest;

/** Every `./` path a field points at, however deeply nested (conditions, typesVersions arrays). */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') ? [value.slice(2)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targets);
}

const hasTypes = (value: unknown): boolean => value !== null && typeof value === 'object' && ('types' in value || Object.values(value).some(hasTypes));

// The packed tarballs, as `npm publish` would upload them: no login needed for --dry-run.
describe.each(tarballs)('$name', ({ name, path }) => {
  const manifest = manifestOf(path);

  test('#11.15 passes npm publish --dry-run with README, LICENSE and every file its entry points name', async () => {
    const { code, stdout, stderr } = await runCommand(tmpdir(), 'npm', ['publish', '--dry-run', '--json', path], cleanEnv(tmpdir(), {}), 60_000);
    expect(code).toBe(0);
    // npm warns when it had to correct package.json; the only expected warning is the dry run's missing login.
    expect(stderr.split('\n').filter((line) => line.startsWith('npm warn') && !line.includes('requires you to be logged in'))).toEqual([]);
    const report = (JSON.parse(stdout) as Record<string, { files: { path: string }[] }>)[name];
    const files = new Set(report?.files.map((file) => file.path));
    expect([...files]).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    const entryPoints = targets([manifest.exports, manifest.main, manifest.module, manifest.types, manifest.typesVersions]);
    expect(entryPoints.filter((file) => !files.has(file))).toEqual([]);
  });

  test('#11.15 publishes publicly under MIT, with its perfgate dependencies at its own version', () => {
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.license).toBe('MIT');
    const siblings = Object.entries(manifest.dependencies ?? {}).filter(([dependency]) => dependency.startsWith('@perfgate/'));
    expect(siblings.filter(([, range]) => range !== manifest.version)).toEqual([]);
  });

  test('#11.11 typesVersions maps every subpath that has types, for moduleResolution "node"', () => {
    const typed = Object.entries(manifest.exports ?? {})
      .filter(([subpath, value]) => subpath !== '.' && subpath !== './package.json' && hasTypes(value))
      .map(([subpath]) => subpath.slice(2));
    expect(Object.keys(manifest.typesVersions?.['*'] ?? {}).sort()).toEqual(typed.sort());
  });

  test('#16.6 every driver and runner peer it declares is optional, except the runner it plugs into', () => {
    const required = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => manifest.peerDependenciesMeta?.[peer]?.optional !== true);
    expect(required).toEqual({ '@perfgate/vitest': ['vitest'], '@perfgate/jest': ['jest'] }[name] ?? []);
  });
});
