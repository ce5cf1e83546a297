import { findRepeatedStatements, type RepeatFinding } from '../analysis/n-plus-one.js';
import { tallyQueries, type ShapeCount } from '../analysis/query-budget.js';
import { toScopeResult } from '../scope/scope-result.js';
import type { Scope } from '../scope/scope.js';

/** What the requests of a load run sent to the database. */
export interface QueriesPerRequest {
  /** Requests whose scope was found (all of them, when the app runs in this process with http scoping on). */
  readonly requests: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The shapes of the request that sent the most queries, most frequent first. */
  readonly shapes: readonly ShapeCount[];
  /** N+1 patterns in that request. */
  readonly nPlusOne: readonly RepeatFinding[];
}

/** Summarises the request scopes of a load run; undefined when none was seen. */
export function queriesPerRequest(scopes: readonly Scope[]): QueriesPerRequest | undefined {
  if (scopes.length === 0) return undefined;
  let total = 0;
  let heaviest = scopes[0]!;
  let min = Infinity;
  for (const scope of scopes) {
    total += scope.count;
    min = Math.min(min, scope.count);
    if (scope.count > heaviest.count) heaviest = scope;
  }
  return {
    requests: scopes.length,
    mean: total / scopes.length,
    min,
    max: heaviest.count,
    shapes: tallyQueries(toScopeResult([heaviest], undefined)).shapes,
    nPlusOne: findRepeatedStatements(heaviest.queries, { overflow: heaviest.overflow }).nPlusOne,
  };
}
