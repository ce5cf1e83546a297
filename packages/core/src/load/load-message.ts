import { clipShapes } from '../message/clip-shape.js';
import { plural, type FailureSection } from '../message/format-failure.js';
import { findingLines } from '../message/repeat-findings.js';
import { formatCallSite } from '../record/call-site.js';
import { formatDuration } from './duration.js';
import { DEFAULT_CONNECTIONS } from './load-budget.js';
import type { QueriesPerRequest } from './queries-per-request.js';
import type { LoadResult, LoadShape } from './run-load.js';

const round = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** `GET /orders, 10 connections, 500 requests in 1.2 s (416/s), loopback` */
export function loadRow(name: string, shape: LoadShape, result: LoadResult): string {
  const seconds = result.elapsedMs / 1000;
  const asked = shape.requests === undefined ? ` for ${formatDuration(shape.durationMs ?? 0)}` : '';
  const cut = shape.defaultConnectionsCut ? ` (not the default ${DEFAULT_CONNECTIONS}: one per request)` : '';
  return `${name}, ${plural(shape.connections, 'connection', 'connections')}${cut}, ${plural(result.requests, 'request', 'requests')}${asked} in ${formatDuration(result.elapsedMs)} (${round(result.requests / seconds)}/s), loopback`;
}

/** `13 per request (min 13, max 13)`, or why there is no figure. */
export function queriesRow(queries: QueriesPerRequest | undefined): string {
  if (queries === undefined) return 'not recorded: no request scope was seen (is http scoping on, and the app served in this process?)';
  const spread = queries.min === queries.max ? '' : ` (min ${queries.min}, max ${queries.max})`;
  const n1 = queries.nPlusOne.length > 0 ? `; N+1 in ${plural(queries.nPlusOne.length, 'statement', 'statements')}, see below` : '';
  return `${round(queries.mean)} per request${spread}${n1}`;
}

/** The heaviest request's statements and any N+1 in it: what a latency regression caused by queries looks like. */
export function querySections(queries: QueriesPerRequest | undefined): FailureSection[] {
  if (queries === undefined || queries.max === 0) return [];
  const sections: FailureSection[] = [];
  if (queries.nPlusOne.length > 0) sections.push({ title: 'N+1 in the heaviest request', lines: queries.nPlusOne.flatMap(findingLines) });
  const shown = queries.shapes.slice(0, 5);
  const clipped = clipShapes(shown.map((shape) => shape.shape));
  const lines = shown.flatMap((shape, i) => {
    const site = shape.sampled?.callSites[0];
    return [`${shape.count.toLocaleString('en-US')} × ${clipped[i]}`, ...(site === undefined ? [] : [`    from ${formatCallSite(site)}`])];
  });
  sections.push({ title: `Statements of the heaviest request (${queries.max})`, lines });
  return sections;
}
