import { AsyncResource } from 'node:async_hooks';
import { acquireInstrumentation, callRecorded, finishQuery, markInternalPath, patchMethod, perfgateInvalidTarget, runAsOuterLayer, startQuery, type Instrumentation, type QueryRecord } from '@perfgate/core';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Callback = (this: unknown, error: unknown, result?: unknown) => unknown;
type QueryMethod = (this: unknown, ...args: unknown[]) => unknown;
type ConnectMethod = (this: unknown, ...args: unknown[]) => unknown;

/** The part of the `pg` module perfgate patches. */
export interface PgModule {
  readonly Client: { readonly prototype: object };
  readonly Pool?: { readonly prototype: object } | undefined;
}

interface QueryConfigLike {
  readonly text?: unknown;
  readonly values?: unknown;
  readonly submit?: unknown;
}

function queryText(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config === 'object' && config !== null && typeof (config as QueryConfigLike).text === 'string') {
    return (config as QueryConfigLike).text as string;
  }
  return undefined;
}

function queryValues(config: unknown, values: unknown): readonly unknown[] | undefined {
  if (Array.isArray(values)) return values;
  const fromConfig = typeof config === 'object' && config !== null ? (config as QueryConfigLike).values : undefined;
  return Array.isArray(fromConfig) ? fromConfig : undefined;
}

function finishing(record: QueryRecord, callback: Callback): Callback {
  return function (this: unknown, error: unknown, ...rest: unknown[]) {
    finishQuery(record, error);
    return callback.call(this, error, ...rest);
  };
}

/**
 * `Client.prototype.query`: every call form — `(text)`, `(text, values)`,
 * `(config)`, each with or without a callback, and submittables (Cursor,
 * QueryStream). Pool queries pass through it. `this`, the returned promise
 * and the callback's arguments are the driver's own.
 */
function wrapQuery(original: QueryMethod): QueryMethod {
  return function query(this: unknown, ...args: unknown[]) {
    const [config, values, callback] = args;
    const sql = queryText(config);
    const record = sql === undefined ? undefined : startQuery({ sql, values: queryValues(config, values), source: 'pg', dialect: 'postgres' });
    if (record === undefined) return original.apply(this, args);
    // Submittables report through their own events; adding an 'error'
    // listener would change how they fail, so only the count is recorded.
    if (typeof (config as QueryConfigLike).submit !== 'function') {
      if (typeof values === 'function') args[1] = finishing(record, values as Callback);
      else if (typeof callback === 'function') args[2] = finishing(record, callback as Callback);
    }
    return callRecorded(record, () => original.apply(this, args));
  };
}

/**
 * `Pool.prototype.query`: the pool issues the query from a connection
 * callback, where the caller's frames are gone, so the query is recorded
 * here (with the caller's stack for its call site) and the client call
 * under it is not counted again.
 */
function wrapPoolQuery(original: QueryMethod): QueryMethod {
  return function query(this: unknown, ...args: unknown[]) {
    const [config, values, callback] = args;
    const sql = queryText(config);
    const record = sql === undefined ? undefined : startQuery({ sql, values: queryValues(config, values), source: 'pg', dialect: 'postgres' });
    if (record === undefined) return original.apply(this, args);
    if (typeof values === 'function') args[1] = finishing(record, values as Callback);
    else if (typeof callback === 'function') args[2] = finishing(record, callback as Callback);
    return callRecorded(record, () => runAsOuterLayer(record, () => original.apply(this, args)));
  };
}

/**
 * `Pool.prototype.connect(callback)`: a client handed out after a wait (or
 * a fresh connection) calls back from another request's async context, and
 * `pool.query` issues its query inside that callback. Binding the callback
 * to the caller's context keeps every pool query in its own scope.
 */
function wrapConnect(original: ConnectMethod): ConnectMethod {
  return function connect(this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'function') args[0] = AsyncResource.bind(args[0] as (...a: unknown[]) => unknown);
    return original.apply(this, args);
  };
}

/**
 * Records every statement a `pg` client or pool sends into the current
 * perfgate scope. Idempotent (instrumenting twice counts once) and
 * reversible: `dispose()` restores the original methods once every handle is
 * disposed.
 *
 * @example
 * import pg from 'pg';
 * const instrumentation = instrumentPg(pg);
 * // …
 * instrumentation.dispose();
 */
export function instrumentPg(pg: PgModule): Instrumentation {
  const client = (pg as Partial<PgModule> | undefined)?.Client?.prototype as { query?: unknown } | undefined;
  if (typeof client?.query !== 'function') throw perfgateInvalidTarget('instrumentPg', 'the pg module (with Client.prototype.query)', pg, instrumentPg);
  return acquireInstrumentation('pg', client, (undo) => {
    undo.push(patchMethod(client as { query: QueryMethod }, 'query', wrapQuery));
    const pool = pg.Pool?.prototype as { connect?: unknown; query?: unknown } | undefined;
    if (typeof pool?.connect === 'function') undo.push(patchMethod(pool as { connect: ConnectMethod }, 'connect', wrapConnect));
    if (typeof pool?.query === 'function') undo.push(patchMethod(pool as { query: QueryMethod }, 'query', wrapPoolQuery));
  });
}
