import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The test module that checks the `bundles` table, in this package's dist/. */
const BUNDLE_BUDGETS_MODULE = fileURLToPath(new URL('./bundle-budgets.js', import.meta.url));

/**
 * The test file vitest runs for the `bundles` table: `.perfgate/bundle-budgets.test.mjs` under the project root, one line
 * that imports the module above. The module cannot be the test file itself: an install puts it under `node_modules`,
 * which vitest's default `exclude` drops (workspace links had hidden that). Written only when its text changes,
 * so watch mode does not rerun for it.
 */
export async function bundleBudgetsTestFile(root: string): Promise<string> {
  const file = join(root, '.perfgate', 'bundle-budgets.test.mjs');
  const target = relative(dirname(file), BUNDLE_BUDGETS_MODULE).split('\\').join('/');
  const text = `// Written by @perfgate/vitest for the \`bundles\` option; .perfgate/ is perfgate's output folder (gitignore it).\nimport ${JSON.stringify(target.startsWith('.') ? target : `./${target}`)};\n`;
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== text) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return file;
}
