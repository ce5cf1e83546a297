import { isAbsolute, join, relative, sep } from 'node:path';
import { clipShape } from '../message/clip-shape.js';
import { foldedNames } from '../message/fold-requests.js';
import { plural } from '../message/format-failure.js';
import type { PerfgateReport, ScopeFigure, SourceLine } from './report-model.js';
import { isQueryBudget, nPlusOnesAtFault } from './check-verdicts.js';

/** GitHub shows at most this many error (and as many warning) annotations per step; the step summary holds the rest. */
export const ANNOTATIONS_PER_STEP = 10;

/** A workflow command's message: `%`, CR and LF escaped (GitHub's rules, as @actions/core applies them). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: the message's escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  readonly level: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  readonly title: string;
  readonly message: string;
}

export function formatAnnotation(a: Annotation): string {
  const props = [`file=${escapeProperty(a.file)}`, `line=${a.line}`, ...(a.column === undefined ? [] : [`col=${a.column}`]), `title=${escapeProperty(a.title)}`];
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}`;
}

/**
 * One annotation per source line at fault: each N+1 loop (its `from` line,
 * however many requests ran it) and each over-budget call site — the code
 * to change, not the spec line. Paths are made relative to the workspace
 * GitHub checked out, which may be above the project root.
 */
export function reportAnnotations(report: PerfgateReport, workspace: string = report.root): Annotation[] {
  const path = (file: string) => {
    const absolute = isAbsolute(file) ? file : join(report.root, file);
    return relative(workspace, absolute).split(sep).join('/');
  };
  const byLine = new Map<string, Annotation & { scopes: ScopeFigure[] }>();
  const add = (site: SourceLine, level: Annotation['level'], title: string, message: string, scope?: ScopeFigure) => {
    const key = `${title}\u0000${site.file}:${site.line}\u0000${message}`;
    const known = byLine.get(key);
    if (known !== undefined) {
      if (scope !== undefined) known.scopes.push(scope);
      if (level === 'error') byLine.set(key, { ...known, level });
      return;
    }
    byLine.set(key, { level, file: path(site.file), line: site.line, column: site.column, title, message, scopes: scope === undefined ? [] : [scope] });
  };
  for (const test of report.tests) {
    // An N+1 in a test that did not fail ('warn' mode) is a warning: the step is not red for it.
    const level = test.perfgate === 'fail' ? 'error' : 'warning';
    for (const scope of test.scopes) {
      for (const finding of nPlusOnesAtFault(test, scope)) {
        if (finding.callSite === undefined) continue;
        const fix = finding.fixHint === undefined ? '' : `\nfix: ${finding.fixHint}`;
        add(finding.callSite, level, 'perfgate: N+1 query loop', `${clipShape(finding.shape)} runs once per item${fix}`, scope);
      }
    }
    for (const budget of test.budgets) {
      if (budget.pass || budget.callSite === undefined || !isQueryBudget(budget)) continue;
      const request = budget.name === undefined ? '' : ` ${budget.name}`;
      add(budget.callSite, 'error', `perfgate: over the query budget (${budget.matcher})`, `${plural(budget.actual, 'query', 'queries')} where the budget is ${budget.expected}; most of them from this line, in${request} (${test.name})`);
    }
  }
  const said = (scopes: readonly ScopeFigure[]) => {
    const functions = scopes.every((scope) => scope.kind === 'function');
    return foldedNames(scopes.map((scope) => scope.name), functions ? 'function' : 'request', functions ? 'functions' : 'requests');
  };
  return [...byLine.values()].map(({ scopes, ...a }) => (scopes.length === 0 ? a : { ...a, message: `${a.message}\nin ${said(scopes)}` }));
}

/** The workflow commands to print: the first annotations of each level, then one warning naming what the step summary holds beyond them. */
export function annotationCommands(annotations: readonly Annotation[], limit = ANNOTATIONS_PER_STEP): string[] {
  const errors = annotations.filter((a) => a.level === 'error');
  const warnings = annotations.filter((a) => a.level === 'warning');
  // The note is a warning too: when it is needed, it takes the last warning's place.
  const overflow = errors.length > limit || warnings.length > limit;
  const shown = [...errors.slice(0, limit), ...warnings.slice(0, overflow ? limit - 1 : limit)];
  const hidden = annotations.length - shown.length;
  const lines = shown.map(formatAnnotation);
  if (hidden > 0) lines.push(`::warning title=${escapeProperty('perfgate: more findings')}::${escapeData(`${plural(hidden, 'more finding is', 'more findings are')} in the step summary (GitHub shows ${limit} annotations of each kind per step).`)}`);
  return lines;
}
