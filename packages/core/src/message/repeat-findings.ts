import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { formatCallSite } from '../record/call-site.js';
import { clipShape, clipShapes } from './clip-shape.js';
import { fixHint } from './fix-hint.js';
import { plural } from './format-failure.js';

export { fixHint };

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

/**
 * The lines of one finding, as every N+1 message prints it. As a `flatMap`
 * callback it gets the message's other findings too, so two statements
 * whose shapes clip alike show where they differ.
 */
export function findingLines(finding: RepeatFinding, index = 0, siblings: readonly RepeatFinding[] = [finding]): string[] {
  const head = `${finding.count.toLocaleString('en-US')} × `;
  const indent = ' '.repeat(head.length); // details line up under the statement
  const detail = finding.type === 'n-plus-one' ? [plural(finding.distinctParameters, 'parameter set', 'different parameter sets')] : [];
  if (finding.pastRecordLimit > 0) {
    detail.push(`${plural(finding.pastRecordLimit, 'run', 'runs')} past the record limit (maxQueriesPerScope): counted, without parameters or call site`);
  }
  if (finding.first.label !== undefined) detail.push(`by    ${finding.first.label}`);
  detail.push(...whereLines(finding));
  if (finding.before !== undefined) detail.push(`after 1 × ${clipShape(finding.before)}`);
  if (finding.type === 'n-plus-one') detail.push(`fix   ${fixHint(finding)}`);
  const shape = clipShapes(siblings.map((f) => f.shape))[index] ?? clipShape(finding.shape);
  return [`${head}${shape}`, ...detail.map((line) => `${indent}${line}`)];
}
