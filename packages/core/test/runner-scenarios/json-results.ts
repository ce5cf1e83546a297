import { readFile, rm } from 'node:fs/promises';
import type { TestOutcome } from './scenario.js';

/** The results file both runners write in jest's `--json` shape (vitest's json reporter keeps it). */
interface JsonResults {
  readonly testResults: ReadonlyArray<{
    readonly assertionResults: ReadonlyArray<{ readonly ancestorTitles: readonly string[]; readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }>;
  }>;
}

/** Reads and removes the results file of a run; none when the run stopped before writing it. */
export async function takeJsonResults(path: string): Promise<TestOutcome[]> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  await rm(path);
  return (JSON.parse(text) as JsonResults).testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({
      name: [...test.ancestorTitles, test.title].join(' > '),
      status: test.status === 'passed' || test.status === 'failed' ? test.status : 'skipped',
      failures: test.failureMessages.map(withoutStack),
    })),
  );
}

/** An error's text up to its first stack frame. */
const withoutStack = (text: string) => text.split(/\n\s+at .*/)[0]!;
