import { basename, join } from 'node:path';
import type { Attribution } from '../allocations/attribute-allocations.js';
import type { AllocationMeasurement, AllocationOptions } from '../allocations/measure-allocations.js';
import { perfgateError } from '../errors.js';
import { measuredGateSettings } from '../session/measured-gates.js';
import { wholeNumberFrom, type OptionChecks } from './check-options.js';
import type { MatcherContext } from './matcher-context.js';

/** Options every allocation matcher takes: how to measure. */
export type MeasureOptions = AllocationOptions;

export const MEASURE_OPTION_CHECKS: OptionChecks = { iterations: wholeNumberFrom(1), samples: wholeNumberFrom(1) };

/** A vitest task, as far as perfgate reads it: its name and its parents' up to the file. */
interface TaskLike {
  readonly name: string;
  readonly suite?: TaskLike | undefined;
  readonly filepath?: string;
}

/** The matcher state both runners give beyond MatcherContext: the running test. */
export interface TestMatcherContext extends MatcherContext {
  readonly currentTestName?: string | undefined;
  readonly testPath?: string | undefined;
  /** vitest's running test. */
  readonly task?: unknown;
}

/**
 * The test's name as jest writes it — its describe blocks' names and its
 * own, joined by spaces — under both runners (vitest joins them with ` > `),
 * so one spec run by both keeps one baseline per test.
 */
export function testNameOf(context: TestMatcherContext): string | undefined {
  const names: string[] = [];
  for (let task = context.task as TaskLike | undefined; task !== undefined && task.filepath === undefined; task = task.suite) names.unshift(task.name);
  return names.length > 0 ? names.join(' ') : context.currentTestName || undefined;
}

export function checkMeasured(matcher: string, received: unknown, stackFrom: Function): asserts received is () => unknown {
  if (typeof received !== 'function') throw perfgateError('NOT_A_FUNCTION', [matcher, received], stackFrom);
}

/** `logger.spec.ts › formats a line` as a file name: `.perfgate/logger.spec.ts/formats-a-line.heapprofile`. */
export function heapProfilePath(reportDir: string, context: TestMatcherContext, label: string): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/^-|-$/g, '') || 'function';
  return join(reportDir, context.testPath === undefined ? '' : basename(context.testPath), `${slug}.heapprofile`);
}

/** Measures with the runner's settings (tests replace the measuring function to pin messages). */
export function measure(fn: () => unknown, options: MeasureOptions): Promise<AllocationMeasurement> {
  const { iterations, samples } = options;
  return measuredGateSettings().allocations.measure(fn, { ...(iterations !== undefined && { iterations }), ...(samples !== undefined && { samples }) });
}

/** Runs the attribution pass for a failure; an error is returned, not thrown, so the gate still reports its figures. */
export async function attribute(fn: () => unknown, measurement: AllocationMeasurement, context: TestMatcherContext, label: string): Promise<Attribution | Error> {
  const settings = measuredGateSettings().allocations;
  try {
    return await settings.attribute(fn, measurement, { file: heapProfilePath(settings.reportDir, context, label), coverage: settings.coverage });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** `formatLine`, or `anonymous function`. */
export function functionName(fn: () => unknown): string {
  return fn.name || 'anonymous function';
}
