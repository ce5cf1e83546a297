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

export function formatFailure(report: FailureReport): string {
  const width = Math.max(0, ...report.rows.map(([label]) => label.length)) + 2;
  const parts = [report.hint, report.rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n')];
  for (const section of report.sections ?? []) {
    if (section.lines.length === 0) continue;
    parts.push([`${section.title}:`, ...section.lines.map((line) => `  ${line}`)].join('\n'));
  }
  return parts.join('\n\n');
}

/** `1 query`, `3 queries`. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Shortens a statement shape for one message line. */
export function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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
