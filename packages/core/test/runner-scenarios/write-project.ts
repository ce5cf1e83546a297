import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Project, ScenarioRunner } from './scenario.js';

/** Writes `project` into `root` as a project of `runner`: its files with the runner's test API, and the runner's config. */
export async function writeProject(project: Project, runner: ScenarioRunner, root: string, extra: Readonly<Record<string, string>> = {}): Promise<void> {
  const sources = Object.entries(project.files).map(([path, text]) => [path, text.replaceAll("from '@runner';", `from '${runner.testApi}';`)] as const);
  for (const [path, text] of [...sources, ...Object.entries(runner.projectFiles(project)), ...Object.entries(extra)]) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}
