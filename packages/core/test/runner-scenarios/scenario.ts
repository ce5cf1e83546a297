/**
 * One table of end-to-end scenarios, run under vitest by packages/vitest-plugin/test/scenarios.test.ts and under jest
 * by packages/jest-preset/test/scenarios.test.ts: what a user sees must not depend on the runner, so one description
 * of each project, run and outcome serves both. The runner packages supply a `ScenarioRunner` (support/*-runner.ts).
 */

/** A fixture project. Specs import their test API from '@runner': each runner puts its own module there. */
export interface Project {
  /** Path → source. Line numbers matter: messages pin `file:line:col`. */
  readonly files: Readonly<Record<string, string>>;
  /** Spec globs, relative to the project root. */
  readonly include: readonly string[];
  /** perfgate options in the runner's config (`perfgate(options)`, `globals.perfgate`); none: the runner's default. */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The specs load PGlite (jest then needs --experimental-vm-modules; without it, jest runs CommonJS with no flag). */
  readonly pglite: boolean;
}

/** Words that differ between runners, for expected text. */
export interface RunnerWords {
  readonly runner: 'vitest' | 'jest';
  /** The command that accepts a change: `vitest -u`, `jest -u`. */
  readonly updateCommand: string;
  /** The command of a plain run: `vitest run`, `jest`. */
  readonly runCommand: string;
  /** Where the runner's config sets perfgate options, as perfgate's errors name it. */
  readonly optionsSource: string;
}
/** The words of the runner at work and the root of the project copy, for expected text. */
export interface ScenarioContext extends RunnerWords {
  readonly root: string;
}
export type Text = string | ((context: ScenarioContext) => string);

export interface RunRequest {
  /** The runner's update flag (`-u`). */
  readonly update?: boolean;
  /** `CI=true` in the run's environment. */
  readonly ci?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  /** More command-line arguments, for a runner package's own scenarios (jest's `--ci`): the shared table uses none. */
  readonly args?: readonly string[];
}

export interface TestOutcome {
  /** Titles joined with ' > ' from the file's top level. */
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Each error's text, without its stack frames. */
  readonly failures: readonly string[];
}

export interface RunResult {
  readonly code: number | null;
  /** stdout and stderr, without colours. */
  readonly output: string;
  /** Every test the run reported (none when the run stopped before its tests, e.g. on bad options). */
  readonly tests: readonly TestOutcome[];
}

export interface ScenarioRunner extends RunnerWords {
  /** The module specs import `test`, `expect` and the hooks from: what '@runner' stands for. */
  readonly testApi: string;
  /** The config file, package.json and anything else that makes `project` a project of this runner. */
  projectFiles(project: Project): Record<string, string>;
  run(dir: string, project: Project, request: RunRequest): Promise<RunResult>;
}

export interface Expected {
  readonly code: 0 | 1;
  readonly passed?: number;
  readonly failed?: number;
  /** Test name → the start of its first error's text, line for line. */
  readonly failures?: Readonly<Record<string, Text>>;
  /** Text in the output; its lines may carry the margin jest gives a test's console output (contains-lines.ts). */
  readonly contains?: readonly Text[];
  readonly matches?: readonly (RegExp | ((context: ScenarioContext) => RegExp))[];
  readonly lacks?: readonly (Text | RegExp)[];
  /** Project path → its text after the run; null: the file does not exist. `same` checks it was not rewritten. */
  readonly files?: Readonly<Record<string, Text | null | typeof SAME>>;
  /** Checks the data cannot say (figures within a tolerance, a profile's contents). */
  readonly check?: (run: RunResult, project: ProjectDir) => Promise<void> | void;
}

/** Marks a file that must be byte for byte what it was before the step. */
export const SAME = Symbol('unchanged');

export interface Step extends RunRequest {
  readonly expect: Expected;
}

export interface Scenario {
  readonly name: string;
  readonly project: Project;
  /** Files written into the project before the first step (a stored allowlist or baseline). */
  readonly before?: Readonly<Record<string, string>>;
  readonly steps: readonly Step[];
}

/** The copy of a project a scenario runs in. */
export interface ProjectDir extends ScenarioContext {
  read(path: string): Promise<string>;
}
