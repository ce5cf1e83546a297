import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURES_DIR = join(REPO_ROOT, 'packages', 'installed-tests', 'fixtures');
/** Installed fixtures (by content hash) and each run's working copies; outside the repo, so npm finds no workspace above them. */
export const CACHE_DIR = join(tmpdir(), 'perfgate-installed');
