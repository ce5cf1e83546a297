/**
 * One npm install per distinct manifest and set of tarballs, kept in os.tmpdir() and shared by every test file and run.
 * An install is named `install-<manifest hash>-<tarballs hash>`: fixtures with the same package.json share it, and a
 * change to a perfgate package reinstalls only the tarballs, starting from the previous install of that manifest.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hardLinkCopy } from './hard-link-copy.js';
import { CACHE_DIR } from './paths.js';
import { cleanEnv, runCommand } from './run-command.js';

export const TARBALLS_FOLDER = 'perfgate-tarballs';
const DONE_MARKER = '.installed';
const INSTALL_TIMEOUT_MS = 280_000;

export interface InstallInput {
  /** The fixture's package.json, its perfgate placeholders already pointing at `perfgate-tarballs/`. */
  readonly manifest: string;
  readonly npmrc: string | undefined;
  /** Absolute paths of the tarballs the manifest names. */
  readonly tarballs: readonly string[];
}

/**
 * Hard-links the installed `node_modules`, `package-lock.json` and tarballs for this input into `to`, installing
 * them first if no earlier run did. Under the install's lock, so a newer install never prunes it mid-copy.
 */
export async function copyInstalled(input: InstallInput, to: string): Promise<void> {
  const manifestKey = hash([process.version, input.manifest, input.npmrc ?? '']);
  const tarballsKey = hash(input.tarballs.map((tarball) => readFileSync(tarball)));
  const dir = join(CACHE_DIR, `install-${manifestKey}-${tarballsKey}`);
  await withLock(dir, async () => {
    if (!existsSync(join(dir, DONE_MARKER))) {
      const previous = previousInstalls(manifestKey, dir);
      await install(dir, input, previous[0]);
      for (const old of previous) await withLock(old, () => rmSync(old, { recursive: true, force: true }));
    }
    for (const entry of ['node_modules', 'package-lock.json', TARBALLS_FOLDER]) hardLinkCopy(join(dir, entry), join(to, entry));
  });
}

async function install(dir: string, input: InstallInput, seed: string | undefined): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, TARBALLS_FOLDER), { recursive: true });
  if (seed !== undefined) await withLock(seed, () => seedFrom(seed, dir));
  writeFileSync(join(dir, 'package.json'), input.manifest);
  if (input.npmrc !== undefined) writeFileSync(join(dir, '.npmrc'), input.npmrc);
  for (const tarball of input.tarballs) copyFileSync(tarball, join(dir, TARBALLS_FOLDER, basename(tarball)));
  const result = await runCommand(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], cleanEnv(dir, {}), INSTALL_TIMEOUT_MS);
  if (result.code !== 0) throw new Error(`npm install failed in ${dir} (exit ${result.code}):\n${result.stderr}\n${result.stdout}`);
  writeFileSync(join(dir, DONE_MARKER), '');
}

/**
 * Starts from the previous install: its node_modules hard-linked (npm replaces a package's files, it does not
 * edit them), its lockfile copied without the perfgate entries, so npm installs only the new tarballs.
 */
function seedFrom(seed: string, dir: string): void {
  if (!existsSync(join(seed, DONE_MARKER))) return;
  hardLinkCopy(join(seed, 'node_modules'), join(dir, 'node_modules'));
  rmSync(join(dir, 'node_modules', '@perfgate'), { recursive: true, force: true });
  rmSync(join(dir, 'node_modules', '.package-lock.json'), { force: true });
  const lock = JSON.parse(readFileSync(join(seed, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  for (const key of Object.keys(lock.packages)) if (/(^|\/)node_modules\/@perfgate\//.test(key) || key.startsWith(`${TARBALLS_FOLDER}/`)) delete lock.packages[key];
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
}

/** Finished installs of the same manifest, newest first. */
function previousInstalls(manifestKey: string, current: string): string[] {
  if (!existsSync(CACHE_DIR)) return [];
  return readdirSync(CACHE_DIR)
    .filter((entry) => entry.startsWith(`install-${manifestKey}-`) && !entry.endsWith('.lock'))
    .map((entry) => join(CACHE_DIR, entry))
    .filter((path) => path !== current && existsSync(join(path, DONE_MARKER)))
    .sort((a, b) => statSync(join(b, DONE_MARKER)).mtimeMs - statSync(join(a, DONE_MARKER)).mtimeMs);
}

function hash(parts: readonly (string | Buffer)[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex').slice(0, 16);
}

async function withLock<T>(dir: string, work: () => T | Promise<T>): Promise<T> {
  const release = await lock(dir);
  try {
    return await work();
  } finally {
    release();
  }
}

/** A lock between test files and concurrent runs: mkdir is atomic; a lock whose owner died is taken over. */
async function lock(dir: string): Promise<() => void> {
  const path = `${dir}.lock`;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (ownerDied(path)) rmSync(path, { recursive: true, force: true });
      else await sleep(500);
    }
  }
}

function ownerDied(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(path, 'pid'), 'utf8'));
  } catch {
    return false; // just created: the pid is not written yet
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
