import type { Attribution } from '../allocations/attribute-allocations.js';
import type { BundleMeasurement } from '../bundle/measure-bundle.js';
import type { RepeatAnalysis, RepeatFinding } from '../analysis/n-plus-one.js';
import { shared } from '../runtime.js';
import { scopesOfResult, type ScopeResult } from '../scope/scope-result.js';
import type { Scope } from '../scope/scope.js';
import { measuredGateSettings } from '../session/measured-gates.js';
import { currentTestState, type TestState } from '../session/test-state.js';
import type { AllocationFigure, BudgetFigure, BundleFigure, LoadFigure, ScopeFigure } from './report-model.js';
import { scopeFigure, type FigureSource } from './scope-figures.js';
import { rootRelative } from './source-line.js';

/** One figure as a check recorded it into its test. */
export type RecordedFigure =
  | { readonly kind: 'scope'; readonly figure: ScopeFigure }
  | { readonly kind: 'budget'; readonly figure: BudgetFigure }
  | { readonly kind: 'allocation'; readonly figure: AllocationFigure }
  | { readonly kind: 'bundle'; readonly figure: BundleFigure }
  | { readonly kind: 'load'; readonly figure: LoadFigure };

/** Told of each figure as it is recorded: the runner's live view (vitest's `annotate` works only while the test runs). */
export type FigureListener = (recorded: RecordedFigure) => void;

// Shared by every copy of core: the runner's setup and the matchers may load different ones.
const listeners = shared('figure-listeners.v1', () => new WeakMap<TestState, FigureListener>());

export function followFigures(state: TestState, listener: FigureListener): void {
  listeners.set(state, listener);
}

/**
 * A scope is one figure however many checks judged it: a later one (the
 * gate at the test's end, a second matcher) adds its findings and its name.
 */
function upsertScope(scopes: ScopeFigure[], figure: ScopeFigure): ScopeFigure {
  const i = scopes.findIndex((s) => s.traceId === figure.traceId && s.startedAt === figure.startedAt);
  const known = scopes[i];
  if (known === undefined) {
    scopes.push(figure);
    return figure;
  }
  const judges = [...new Set([known.judgedBy, figure.judgedBy].flatMap((j) => (j === undefined ? [] : j.split(', '))))];
  const merged: ScopeFigure = {
    ...figure,
    findings: figure.findings.length > 0 ? figure.findings : known.findings,
    ...(judges.length > 0 && { judgedBy: judges.join(', ') }),
  };
  scopes[i] = merged;
  return merged;
}

/** Adds a figure to the test (the current one by default); outside every test it is dropped. */
export function recordFigure(recorded: RecordedFigure, state: TestState | undefined = currentTestState()): void {
  if (state === undefined) return;
  const { figures } = state;
  let told = recorded;
  if (recorded.kind === 'scope') told = { kind: 'scope', figure: upsertScope(figures.scopes, recorded.figure) };
  else if (recorded.kind === 'budget') figures.budgets.push(recorded.figure);
  else if (recorded.kind === 'allocation') figures.allocations.push(recorded.figure);
  else if (recorded.kind === 'bundle') figures.bundles.push(recorded.figure);
  else figures.loads.push(recorded.figure);
  try {
    listeners.get(state)?.(told);
  } catch {
    // A view of the figure failing (vitest refuses annotations once a test has ended) never changes the test's verdict.
  }
}

/** A matcher's result as a figure source, with its scopes' start and end. */
function sourceOf(result: ScopeResult): FigureSource {
  const scopes = scopesOfResult(result);
  const startedAt = scopes === undefined ? undefined : Math.min(...scopes.map((s) => s.startedAt));
  const ends = scopes?.map((s) => s.endedAt);
  const endedAt = ends === undefined || ends.includes(undefined) ? undefined : Math.max(...(ends as number[]));
  return { ...result, startedAt, endedAt };
}

/** The scope a query matcher judged, with the findings it judged by (none for a budget); the figure as recorded. */
export function recordJudgedScope(result: ScopeResult, judgedBy: string, findings: readonly RepeatFinding[] = []): ScopeFigure | undefined {
  const state = currentTestState();
  if (state === undefined) return undefined;
  const figure = scopeFigure(sourceOf(result), { root: measuredGateSettings().root, findings, judgedBy });
  recordFigure({ kind: 'scope', figure }, state);
  return figure;
}

/** A scope the N+1 gate checked at the test's end: its N+1s and duplicates, each allowlisted or not. */
export function recordGateScope(state: TestState, scope: Scope, analysis: RepeatAnalysis, allowlisted: (finding: RepeatFinding) => boolean): void {
  const findings = [...analysis.nPlusOne, ...analysis.duplicates];
  recordFigure({ kind: 'scope', figure: scopeFigure(scope, { root: measuredGateSettings().root, findings, allowlisted }) }, state);
}

/**
 * A query matcher's check: the scope(s) it judged and its budget figure.
 * `pass` is the assertion's verdict as written (`.not` included). The
 * budget's call site is where the last judged scope's most frequent
 * statement came from: the code to change when it is over, not the spec line.
 */
export function recordQueryCheck(judged: ScopeResult | readonly ScopeResult[], budget: Omit<BudgetFigure, 'traceId' | 'name' | 'callSite'>, findings: readonly RepeatFinding[] = []): void {
  const results: readonly ScopeResult[] = Array.isArray(judged) ? judged : [judged as ScopeResult];
  const last = results.at(-1);
  if (currentTestState() === undefined || last === undefined) return;
  const figures = results.map((result) => recordJudgedScope(result, budget.matcher, findings));
  const callSite = figures.at(-1)?.shapes[0]?.callSite;
  recordFigure({ kind: 'budget', figure: { ...budget, traceId: last.traceId, name: last.name, ...(callSite !== undefined && { callSite }) } });
}

/** An allocation matcher's check; the top allocators when a failure was attributed. */
export function recordAllocationCheck(figure: Omit<AllocationFigure, 'topAllocators'>, attribution?: Attribution | Error): void {
  if (currentTestState() === undefined) return;
  const { root } = measuredGateSettings();
  const topAllocators =
    attribution === undefined || attribution instanceof Error
      ? undefined
      : attribution.allocators.map((a) => {
          const location = a.location ?? a.caller?.location;
          const site = location === undefined ? undefined : { file: rootRelative(location.file, root), line: location.line, column: location.column };
          return { name: a.location === undefined ? `${a.name} (native)` : a.name, bytes: a.bytes / attribution.calls, ...(site !== undefined && { site }) };
        });
  recordFigure({ kind: 'allocation', figure: { ...figure, ...(topAllocators !== undefined && { topAllocators }) } });
}

/** Input modules a bundle's figure lists, largest first. */
export const MAX_MODULES_IN_FIGURE = 20;

/** The bundle matcher's check: one figure per file it measured (relative to `cwd`, as measured). */
export function recordBundleCheck(measured: BundleMeasurement, budgetBytes: number, negated: boolean, cwd: string = process.cwd()): void {
  if (currentTestState() === undefined) return;
  const { root } = measuredGateSettings();
  for (const file of measured.files) {
    const modules = file.inputs.slice(0, MAX_MODULES_IN_FIGURE).map((input) => ({ path: rootRelative(input.path, root, cwd), bytes: input.bytes }));
    const figure: BundleFigure = { name: rootRelative(file.file, root, cwd), bytes: file.size, compression: measured.compression, budgetBytes, pass: file.size <= budgetBytes !== negated, ...(modules.length > 0 && { modules }) };
    recordFigure({ kind: 'bundle', figure });
  }
}

/** A load matcher's check. */
export function recordLoadCheck(figure: LoadFigure): void {
  recordFigure({ kind: 'load', figure });
}
