#!/usr/bin/env node
// `npm run pack`: builds the publishable packages and packs each into `.packs/<scope>-<name>.tgz`.
// The names carry no version, so the README's install line and the installed-tests fixtures never change.
// `--no-build` packs the dist/ folders as they are (the installed-tests suite runs after turbo has built).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Workspace folder → published name, in dependency order. */
export const PUBLISHED = {
  core: '@perfgate/core',
  'orm-adapters': '@perfgate/orm-adapters',
  'vitest-plugin': '@perfgate/vitest',
  'jest-preset': '@perfgate/jest',
};
export const PACKS_DIR = join(root, '.packs');

/** `@perfgate/vitest` → `perfgate-vitest.tgz`. */
export const tarballName = (name) => `${name.replace(/^@/, '').replace('/', '-')}.tgz`;

export function pack({ build = true } = {}) {
  if (build) {
    const filters = Object.values(PUBLISHED).map((name) => `--filter=${name}`);
    execFileSync('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
  }
  mkdirSync(PACKS_DIR, { recursive: true });
  // Pack into a private folder, then rename: a concurrent run never sees half a tarball.
  const staging = mkdtempSync(join(PACKS_DIR, '.staging-'));
  try {
    for (const folder of Object.keys(PUBLISHED)) {
      const out = execFileSync('npm', ['pack', '--json', '--pack-destination', staging], { cwd: join(root, 'packages', folder), encoding: 'utf8' });
      const [{ name, filename, files }] = JSON.parse(out);
      checkEntryPoints(join(root, 'packages', folder), new Set(files.map((file) => file.path)));
      renameSync(join(staging, filename), join(PACKS_DIR, tarballName(name)));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Every file package.json points at (exports, main, types, typesVersions) is in the tarball: a half-built dist/ is never packed. */
function checkEntryPoints(dir, packed) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([pkg.exports, pkg.main, pkg.module, pkg.types, pkg.typesVersions]);
  const missing = targets.filter((target) => target.startsWith('./') && !packed.has(target.slice(2)));
  if (missing.length > 0) throw new Error(`pack: ${pkg.name} points at missing files (build it first): ${[...new Set(missing)].join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  pack({ build: !process.argv.includes('--no-build') });
  console.log(`packed ${Object.values(PUBLISHED).map(tarballName).join(', ')} into .packs/`);
}
