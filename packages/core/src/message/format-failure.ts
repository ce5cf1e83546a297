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
