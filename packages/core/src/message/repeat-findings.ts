import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { formatCallSite } from '../record/call-site.js';
import { clip, plural } from './format-failure.js';

/** A fix for the loop, from what the statement does. */
export function fixHint(finding: RepeatFinding): string {
  // The compared column, however qualified (`"schema"."table"."column"`, as Prisma writes it).
  const column = /\bWHERE (?:[\w"`]+\.)*([\w"`]+) = \?/.exec(finding.shape)?.[1];
  const batched = finding.dialect === 'mysql' ? `WHERE ${column ?? 'id'} IN (?)` : `WHERE ${column ?? 'id'} = ANY($1)`;
  switch (finding.kind) {
    case 'select':
      return `load them in one query (${batched}) or JOIN them to the query before; in resolvers, batch with a DataLoader`;
    case 'insert':
      return 'insert the rows in one statement (multi-row VALUES, or unnest/COPY)';
    case 'update':
    case 'delete':
      return `${finding.kind} the rows in one statement (${batched})`;
    default:
      return 'run the statement once for the whole set';
  }
}

function whereLines(finding: RepeatFinding): string[] {
  const [site, caller] = finding.callSites;
  if (site === undefined) {
    return ['from  unknown: no stack reached your code (an ORM that builds queries lazily?), so this groups by statement shape alone'];
  }
  // `from`, not `at`: jest takes a line starting `at file:line:col` for the start of the stack and drops the rest of the message.
  const lines = [`from  ${formatCallSite(site)}`];
  if (caller !== undefined) lines.push(`via   ${formatCallSite(caller)}`);
  return lines;
}

/** The lines of one finding, as every N+1 message prints it. */
export function findingLines(finding: RepeatFinding): string[] {
  const head = `${finding.count} × `;
  const indent = ' '.repeat(head.length); // details line up under the statement
  const detail = finding.type === 'n-plus-one' ? [plural(finding.distinctParameters, 'parameter set', 'different parameter sets')] : [];
  if (finding.first.label !== undefined) detail.push(`by    ${finding.first.label}`);
  detail.push(...whereLines(finding));
  if (finding.before !== undefined) detail.push(`after 1 × ${clip(finding.before)}`);
  if (finding.type === 'n-plus-one') detail.push(`fix   ${fixHint(finding)}`);
  return [`${head}${clip(finding.shape)}`, ...detail.map((line) => `${indent}${line}`)];
}
