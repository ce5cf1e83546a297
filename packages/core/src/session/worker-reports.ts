import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Test workers hand what they saw to the runner's main process as files in
 * the run's report folder (vitest's `provide`, jest's environment name it),
 * one per worker and test file, under a subfolder per kind.
 */
export async function saveWorkerReport(reportDir: string, kind: string, report: unknown): Promise<void> {
  const dir = join(reportDir, kind);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${process.pid}-${randomUUID()}.json`), JSON.stringify(report));
}

/** Every report of `kind` the workers saved; none when no worker saved one. */
export async function loadWorkerReports<T>(reportDir: string, kind: string): Promise<T[]> {
  const dir = join(reportDir, kind);
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  return Promise.all(files.filter((file) => file.endsWith('.json')).map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as T));
}
