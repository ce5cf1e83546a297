import type { QueryRecord } from '../record/query-record.js';

export type ScopeKind = 'request' | 'function';

export interface ScopeInit {
  readonly kind: ScopeKind;
  readonly traceId: string;
  /** The caller's span-id from the request's `traceparent` (its parent-id field), when it sent one. */
  readonly parentSpanId?: string | undefined;
  /** What the user sees in messages: `GET /orders` or the function's name. */
  readonly name: string;
  readonly method?: string | undefined;
  /** Request path without its query string (which can hold personal data). */
  readonly path?: string | undefined;
  readonly parent?: Scope | undefined;
  readonly maxQueries: number;
}

const SCOPE_BRAND = Symbol.for('perfgate.scope');

/** How often a statement ran in a scope so far, and its first run's text and parameters. */
export interface StatementRepeats {
  count: number;
  readonly firstSql: string;
  readonly firstValues: readonly unknown[] | undefined;
}

/**
 * One unit of work: an HTTP request or one function under test.
 *
 * A query lands in the innermost scope and in each enclosing one, so a
 * function scope that makes in-process requests counts their queries too and
 * an outer scope is never shadowed by an inner one.
 */
export class Scope {
  readonly [SCOPE_BRAND] = true;
  readonly kind: ScopeKind;
  readonly traceId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly parent: Scope | undefined;
  readonly startedAt = Date.now();
  endedAt: number | undefined;
  /** The first `maxQueries` records, in the order the queries were issued. */
  readonly queries: QueryRecord[] = [];
  /** Every query seen, including those past the record limit. */
  count = 0;
  /** SQL text → count for the queries past the record limit. */
  overflow: Map<string, number> | undefined;
  /** Each statement issued in this scope itself, by repeat key: decides which queries get a stack (see the recorder). */
  readonly repeats = new Map<string, StatementRepeats>();
  readonly #maxQueries: number;
  #closeWaiters: Array<() => void> | undefined;

  constructor(init: ScopeInit) {
    this.kind = init.kind;
    this.traceId = init.traceId;
    this.parentSpanId = init.parentSpanId;
    this.name = init.name;
    this.method = init.method;
    this.path = init.path;
    this.parent = init.parent;
    this.#maxQueries = init.maxQueries;
  }

  get closed(): boolean {
    return this.endedAt !== undefined;
  }

  add(record: QueryRecord): void {
    this.count++;
    if (this.queries.length < this.#maxQueries) {
      this.queries.push(record);
      return;
    }
    this.overflow ??= new Map();
    // Bounded too: past the limit of distinct texts only the total grows.
    if (this.overflow.size < this.#maxQueries || this.overflow.has(record.sql)) {
      this.overflow.set(record.sql, (this.overflow.get(record.sql) ?? 0) + 1);
    }
  }

  close(): void {
    if (this.endedAt !== undefined) return;
    this.endedAt = Date.now();
    const waiters = this.#closeWaiters;
    this.#closeWaiters = undefined;
    waiters?.forEach((resolve) => resolve());
  }

  /** Resolves when the scope closes, or after `timeoutMs`, whichever comes first. */
  whenClosed(timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      (this.#closeWaiters ??= []).push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'object' && value !== null && (value as { [SCOPE_BRAND]?: unknown })[SCOPE_BRAND] === true;
}
