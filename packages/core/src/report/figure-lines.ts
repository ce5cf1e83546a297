import { formatBytes } from '../allocations/byte-size.js';
import { formatDuration } from '../load/duration.js';
import { clipShape } from '../message/clip-shape.js';
import { plural } from '../message/format-failure.js';
import type { RecordedFigure } from './record-figures.js';
import type { FindingFigure, SourceLine } from './report-model.js';

/** Characters of a shape in a one-line annotation. */
const SHAPE_WIDTH = 100;

const where = (site: SourceLine | undefined): string =>
  site === undefined ? 'from an unknown site' : `from ${site.file}:${site.line}${site.function === undefined ? '' : ` (${site.function})`}`;

function findingText(finding: FindingFigure): string {
  const what = finding.type === 'n-plus-one' ? 'N+1' : 'duplicate';
  const fix = finding.fixHint === undefined ? '' : `; fix: ${finding.fixHint}`;
  return `${what}${finding.allowlisted ? ' (allowlisted)' : ''}: ${finding.count} × ${clipShape(finding.shape, SHAPE_WIDTH)} ${where(finding.callSite)}${fix}`;
}

/**
 * One line per figure, as a runner's own report shows it (vitest's
 * annotations reach its UI, HTML and JUnit reports): what was checked, the
 * figure, and the verdict. A scope is said only when it has findings (its
 * query count is on its budget's line); undefined when there is nothing to say.
 */
export function figureLine(recorded: RecordedFigure): string | undefined {
  const verdict = (pass: boolean) => (pass ? 'pass' : 'FAIL');
  switch (recorded.kind) {
    case 'budget': {
      const { matcher, negated, expected, actual, filter, name, traceId, pass } = recorded.figure;
      const counted = filter === undefined ? plural(actual, 'query', 'queries') : `${actual} ${filter}`;
      return `perfgate ${negated ? '.not.' : ''}${matcher}(${expected}): ${counted}${name === undefined ? '' : ` in ${name}`}${traceId === undefined ? '' : ` (trace-id ${traceId})`}: ${verdict(pass)}`;
    }
    case 'scope': {
      const { name, queryCount, findings, traceId } = recorded.figure;
      if (findings.length === 0) return undefined;
      return `perfgate ${name} (trace-id ${traceId}), ${plural(queryCount, 'query', 'queries')}: ${findings.map(findingText).join(' | ')}`;
    }
    case 'allocation': {
      const { name, bytesPerOp, budgetBytes, baselineBytes, pass, topAllocators = [] } = recorded.figure;
      const limit = budgetBytes !== undefined ? `, budget ${formatBytes(budgetBytes)}` : baselineBytes !== undefined ? `, baseline ${formatBytes(baselineBytes)}` : '';
      const top = topAllocators.length === 0 ? '' : `; most by ${topAllocators.slice(0, 3).map((a) => `${a.name} ${formatBytes(a.bytes)}`).join(', ')}`;
      return `perfgate allocations of ${name}: ${formatBytes(bytesPerOp)} per call${limit}: ${verdict(pass)}${top}`;
    }
    case 'bundle': {
      const { name, bytes, compression, budgetBytes, pass } = recorded.figure;
      return `perfgate bundle ${name}: ${formatBytes(bytes)} ${compression}${budgetBytes === undefined ? '' : `, budget ${formatBytes(budgetBytes)}`}: ${verdict(pass)}`;
    }
    case 'load': {
      const { name, requests, p50Ms, p99Ms, budgetP99Ms, baselineP99Ms, queriesPerRequest, pass } = recorded.figure;
      const limit = budgetP99Ms !== undefined ? ` (budget ${formatDuration(budgetP99Ms)})` : baselineP99Ms !== undefined ? ` (baseline ${formatDuration(baselineP99Ms)})` : '';
      const queries = queriesPerRequest === undefined ? '' : `, ${queriesPerRequest.toLocaleString('en-US', { maximumFractionDigits: 1 })} queries per request`;
      return `perfgate load ${name}: ${plural(requests, 'request', 'requests')}, p50 ${formatDuration(p50Ms)}, p99 ${formatDuration(p99Ms)}${limit}${queries}: ${verdict(pass)}`;
    }
  }
}
