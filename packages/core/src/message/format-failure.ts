import { clipShape, SHAPE_WIDTH } from './clip-shape.js';
import { colourEnabled, colouredIf } from './colour.js';

/**
 * The one layout every perfgate gate uses for its failure messages:
 *
 *   <matcher hint>
 *
 *   Expected: …        ← aligned rows
 *   Received: …
 *
 *   <Section title>:
 *     <line>
 */
export interface FailureReport {
  readonly hint: string;
  readonly rows: ReadonlyArray<readonly [label: string, value: string]>;
  readonly sections?: ReadonlyArray<FailureSection>;
}

export interface FailureSection {
  readonly title: string;
  readonly lines: readonly string[];
}

/** Lays out a failure; the hint keeps the runner's colours only where colours are on (see colour.ts). */
export function formatFailure(report: FailureReport, colour = colourEnabled()): string {
  const width = Math.max(0, ...report.rows.map(([label]) => label.length)) + 2;
  const parts = [colouredIf(colour, report.hint), report.rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n')];
  for (const section of report.sections ?? []) {
    if (section.lines.length === 0) continue;
    parts.push([`${section.title}:`, ...section.lines.map((line) => `  ${line}`)].join('\n'));
  }
  return parts.join('\n\n');
}

/** `1 query`, `3 queries`, `1,000,000 queries`; `-0` is `0`. */
export function plural(n: number, one: string, many: string): string {
  return `${(n === 0 ? 0 : n).toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Shortens a statement shape for one message line, keeping FROM and WHERE (see clip-shape.ts). */
export function clip(text: string, max = SHAPE_WIDTH): string {
  return clipShape(text, max);
}

/** Queries seen outside every scope while a test's scope was open (#16.12): the first one's driver, shape and call site. */
export interface OutsideScopeNote {
  readonly count: number;
  /** The adapter that saw it, with the ORM's label when known: `pg`, `knex (orders.select)`. */
  readonly source: string;
  readonly shape: string;
  readonly site: string | undefined;
}

/** The section a verdict adds when queries escaped every scope: a count of 0 may be a lost async context. */
export function outsideScopeSection(note: OutsideScopeNote): FailureSection {
  return {
    title: 'Outside every scope',
    lines: [
      `${plural(note.count, 'query', 'queries')} ran outside any scope while this test ran — async context lost? They are counted in no scope.`,
      `first: ${note.source} ${clip(note.shape)}${note.site === undefined ? '' : ` from ${note.site}`}`,
      'a library between the request and the driver may have lost it (docs/query-budgets.md#queries-outside-every-scope)',
    ],
  };
}
