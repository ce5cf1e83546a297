// Type-checks the matchers with jest's global `expect` (@types/jest) and with
// `import { expect } from '@jest/globals'`, then checks that each project fails
// without @perfgate/jest's augmentation: the passing checks test the augmentation.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = { 'jest-globals': ['node'], 'global-expect': ['node', 'jest'] };

for (const [project, typesWithout] of Object.entries(projects)) {
  const dir = fileURLToPath(new URL(project, import.meta.url));
  const checked = spawnSync(process.execPath, [tsc, '-p', dir], { stdio: 'inherit' });
  if (checked.status !== 0) process.exit(checked.status ?? 1);
  const without = spawnSync(process.execPath, [tsc, '-p', dir, '--types', typesWithout.join(',')], { encoding: 'utf8' });
  if (without.status === 0 || !without.stdout.includes("Property 'toIssueAtMost' does not exist")) {
    console.error(`test/types/${project}: type-checks without @perfgate/jest's augmentation, so it tests nothing:\n${without.stdout}`);
    process.exit(1);
  }
  console.log(`test/types/${project}: the matchers type-check, and fail without the augmentation`);
}
