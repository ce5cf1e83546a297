import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SAME, type Expected, type ProjectDir, type RunResult, type Scenario, type ScenarioRunner, type Text } from './scenario.js';
import { containsLines } from './contains-lines.js';
import { writeProject } from './write-project.js';

/**
 * Runs `scenario` under `runner` in a fresh copy of its project below `parent` (inside the repository, so the
 * project's imports resolve from its node_modules), checking each step's outcome, and removes the copy.
 */
export async function runScenario(scenario: Scenario, runner: ScenarioRunner, parent: string): Promise<void> {
  const root = await mkdtemp(join(parent, '.run-'));
  try {
    await writeProject(scenario.project, runner, root, scenario.before);
    const project: ProjectDir = { ...wordsOf(runner), root, read: (path) => readFile(join(root, path), 'utf8') };
    for (const step of scenario.steps) {
      const before = await snapshotUnchanged(step.expect, project);
      const run = await runner.run(root, scenario.project, step);
      await checkRun(run, step.expect, project, before);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const wordsOf = ({ runner, updateCommand, runCommand, optionsSource }: ScenarioRunner) => ({ runner, updateCommand, runCommand, optionsSource });
const textOf = (text: Text, project: ProjectDir) => (typeof text === 'string' ? text : text(project));
const readOrNull = (project: ProjectDir, path: string) => project.read(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));

/** The files a step expects unchanged, as they are before it runs. */
async function snapshotUnchanged(expected: Expected, project: ProjectDir): Promise<Map<string, string | null>> {
  const paths = Object.entries(expected.files ?? {}).filter(([, text]) => text === SAME).map(([path]) => path);
  return new Map(await Promise.all(paths.map(async (path) => [path, await readOrNull(project, path)] as const)));
}

async function checkRun(run: RunResult, expected: Expected, project: ProjectDir, before: Map<string, string | null>): Promise<void> {
  // The run's output goes with a wrong exit code: it is what explains it.
  expect(run.code, run.output).toBe(expected.code);
  const count = (status: string) => run.tests.filter((test) => test.status === status).length;
  if (expected.passed !== undefined) expect(count('passed'), `tests passed in:\n${run.output}`).toBe(expected.passed);
  if (expected.failed !== undefined) expect(count('failed'), `tests failed in:\n${run.output}`).toBe(expected.failed);
  for (const [name, text] of Object.entries(expected.failures ?? {})) {
    const failure = run.tests.find((test) => test.name === name)?.failures[0];
    expect(failure, `the error of "${name}"`).toBeDefined();
    expect(messageFrom(failure!, textOf(text, project))).toBe(textOf(text, project));
  }
  for (const text of expected.contains ?? []) {
    // Only a miss asserts, so that its diff shows the output.
    if (!containsLines(run.output, textOf(text, project))) expect(run.output).toContain(textOf(text, project));
  }
  for (const pattern of expected.matches ?? []) expect(run.output).toMatch(typeof pattern === 'function' ? pattern(project) : pattern);
  for (const text of expected.lacks ?? []) {
    if (text instanceof RegExp) expect(run.output).not.toMatch(text);
    else expect(run.output).not.toContain(textOf(text, project));
  }
  for (const [path, text] of Object.entries(expected.files ?? {})) {
    const actual = await readOrNull(project, path);
    if (text === SAME) expect(actual, `${path} is unchanged`).toBe(before.get(path));
    else expect(actual, path).toBe(text === null ? null : textOf(text, project));
  }
  await expected.check?.(run, project);
}

/** As many lines of `failure` as `expected` has, from where its first line starts (runners prefix `Error: ` or not). */
function messageFrom(failure: string, expected: string): string {
  const [first = ''] = expected.split('\n');
  const start = failure.indexOf(first);
  return (start < 0 ? failure : failure.slice(start)).split('\n').slice(0, expected.split('\n').length).join('\n');
}
