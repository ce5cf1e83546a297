/**
 * Once per run: packs the publishable packages when a tarball in `.packs/` is missing or older than what it
 * would contain (turbo has built dist/ before this package's tests), and gives the run a folder for its projects.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PACKS_DIR, PUBLISHED, pack, tarballName } from '../../../../scripts/pack.mjs';
import { CACHE_DIR, REPO_ROOT } from './paths.js';

export default function setup(project: TestProject): () => void {
  if (stalePackages().length > 0) pack({ build: false });
  mkdirSync(join(CACHE_DIR, 'work'), { recursive: true });
  const runDir = mkdtempSync(join(CACHE_DIR, 'work', 'run-'));
  project.provide('installedTestsRunDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}

/** Packages whose tarball is missing or older than a file npm would pack (package.json, README, its `files`). */
function stalePackages(): string[] {
  return Object.entries(PUBLISHED).filter(([folder, name]) => {
    const tarball = join(PACKS_DIR, tarballName(name));
    let packedAt: number;
    try {
      packedAt = statSync(tarball).mtimeMs;
    } catch {
      return true;
    }
    const dir = join(REPO_ROOT, 'packages', folder);
    const { files = [] } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files?: string[] };
    return ['package.json', 'README.md', 'LICENSE', ...files].some((entry) => newestMtime(join(dir, entry)) > packedAt);
  }).map(([, name]) => name);
}

function newestMtime(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

declare module 'vitest' {
  export interface ProvidedContext {
    installedTestsRunDir: string;
  }
}
