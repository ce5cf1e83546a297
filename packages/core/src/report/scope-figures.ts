import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { tallyQueries } from '../analysis/query-budget.js';
import { fixHint } from '../message/fix-hint.js';
import type { QueryRecord } from '../record/query-record.js';
import type { ScopeResult } from '../scope/scope-result.js';
import type { FindingFigure, QueryFigure, ScopeFigure, ShapeFigure } from './report-model.js';
import { sourceLine } from './source-line.js';

/** Queries a scope's figure lists for the waterfall; the rest are only counted (`queriesOmitted`). */
export const MAX_QUERIES_IN_FIGURE = 200;
/** Shapes a scope's figure lists, most frequent first. */
export const MAX_SHAPES_IN_FIGURE = 100;

/** What a figure is drawn from: a `Scope`, or a matcher's `ScopeResult` with its scopes' times. */
export type FigureSource = Pick<ScopeResult, 'kind' | 'traceId' | 'name' | 'method' | 'path' | 'count' | 'queries' | 'overflow'> & {
  readonly parentSpanId?: string | undefined;
  /** Epoch milliseconds; undefined for a result whose scopes are not known (then its first query's start). */
  readonly startedAt?: number | undefined;
  readonly endedAt?: number | undefined;
};

export interface ScopeFigureOptions {
  /** The scope's N+1 and duplicate findings, as the matcher or gate that judged it found them. */
  readonly findings?: readonly RepeatFinding[];
  /** Whether an allowlist entry covers a finding (the gate's); none does for a matcher. */
  readonly allowlisted?: (finding: RepeatFinding) => boolean;
  readonly judgedBy?: string | undefined;
  /** Paths are made relative to it. */
  readonly root: string;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
/** A query's start as epoch milliseconds: the recorder stamps `performance.now()`. */
const epochOf = (query: QueryRecord): number => performance.timeOrigin + query.startedAt;

function queryFigure(query: QueryRecord, scopeStart: number, root: string): QueryFigure {
  // Only sampled queries carry a stack; reading another's call sites would cost nothing but say nothing.
  const site = query.stack === undefined ? undefined : query.callSites[0];
  return {
    shape: query.shape,
    startMs: Math.max(0, round(epochOf(query) - scopeStart)),
    ...(query.durationMs !== undefined && { durationMs: round(query.durationMs) }),
    ...(query.failed && { failed: true }),
    source: query.source,
    ...(query.label !== undefined && { label: query.label }),
    ...(site !== undefined && { callSite: sourceLine(site, root) }),
  };
}

export function findingFigure(finding: RepeatFinding, allowlisted: boolean, root: string): FindingFigure {
  const [site, ...via] = finding.callSites;
  return {
    type: finding.type,
    shape: finding.shape,
    count: finding.count,
    ...(site !== undefined && { callSite: sourceLine(site, root) }),
    ...(via.length > 0 && { via: via.map((s) => sourceLine(s, root)) }),
    ...(finding.type === 'n-plus-one' && { fixHint: fixHint(finding), distinctParameters: finding.distinctParameters }),
    allowlisted,
    ...(finding.pastRecordLimit > 0 && { pastRecordLimit: finding.pastRecordLimit }),
    ...(finding.first.label !== undefined && { label: finding.first.label }),
    ...(finding.before !== undefined && { before: finding.before }),
  };
}

/**
 * A scope's figures, computed once when its check is done: counts by shape
 * (past the record limit included), the first queries for a waterfall, and
 * the findings with their fix hints. Shapes, never SQL text or parameter
 * values: those can hold personal data.
 */
export function scopeFigure(scope: FigureSource, options: ScopeFigureOptions): ScopeFigure {
  const { root, findings = [], allowlisted = () => false } = options;
  const first = scope.queries[0];
  const startedAt = scope.startedAt ?? (first === undefined ? Date.now() : Math.floor(epochOf(first)));
  const tally = tallyQueries(scope);
  const shapes = tally.shapes.slice(0, MAX_SHAPES_IN_FIGURE).map((entry): ShapeFigure => {
    const site = entry.sampled?.callSites[0];
    return { shape: entry.shape, count: entry.count, ...(site !== undefined && { callSite: sourceLine(site, root) }) };
  });
  const listed = scope.queries.slice(0, MAX_QUERIES_IN_FIGURE);
  return {
    traceId: scope.traceId,
    ...(scope.parentSpanId !== undefined && { spanId: scope.parentSpanId }),
    kind: scope.kind,
    name: scope.name,
    ...(scope.method !== undefined && { method: scope.method }),
    ...(scope.path !== undefined && { path: scope.path }),
    startedAt,
    ...(scope.endedAt !== undefined && { durationMs: scope.endedAt - startedAt }),
    queryCount: scope.count,
    shapes,
    queries: listed.map((query) => queryFigure(query, startedAt, root)),
    queriesOmitted: scope.count - listed.length,
    findings: findings.map((finding) => findingFigure(finding, allowlisted(finding), root)),
    ...(options.judgedBy !== undefined && { judgedBy: options.judgedBy }),
  };
}
