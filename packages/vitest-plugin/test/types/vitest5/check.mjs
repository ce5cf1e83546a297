// vitest 5 cannot share the workspace's node_modules with vitest 4, so this
// folder installs it on its own (from its lockfile) and type-checks against it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: here, stdio: 'inherit' });
if (!existsSync(`${here}node_modules/vitest/package.json`)) {
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
run(process.execPath, [tsc, '-p', here]);
