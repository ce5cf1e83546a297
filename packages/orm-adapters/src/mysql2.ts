import { createRequire } from 'node:module';
import { acquireInstrumentation, bindToCaller, currentScope, finishQuery, markInternalPath, patchMethod, perfgateInvalidTarget, runAsOuterLayer, startQuery, type Instrumentation, type QueryRecord } from '@perfgate/core/adapter';
import { getRuntime } from '@perfgate/core/runner';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;
type Callback = (this: unknown, ...args: unknown[]) => unknown;

/** The part of the `mysql2` module perfgate patches (`import mysql from 'mysql2'`; `mysql2/promise` is found from it). */
export interface Mysql2Module {
  readonly Connection: { readonly prototype: object };
  readonly Pool?: { readonly prototype: object } | undefined;
  readonly PoolCluster?: unknown;
}

type PoolClusterClass = new () => { of(): object };

interface CommandLike {
  readonly sql?: unknown;
  readonly values?: unknown;
  onResult?: unknown;
  readonly statement?: { readonly query?: unknown } | undefined;
  once?(event: string, listener: () => void): unknown;
}

function statementText(first: unknown): string | undefined {
  if (typeof first === 'string') return first;
  const sql = typeof first === 'object' && first !== null ? (first as CommandLike).sql : undefined;
  return typeof sql === 'string' ? sql : undefined;
}

/** `(sql, values)`, `(options)` with `options.values`, one bare value or named placeholders (`{ id: 1 }`). */
function statementValues(first: unknown, second: unknown): readonly unknown[] | undefined {
  const values = second !== undefined && typeof second !== 'function' ? second : typeof first === 'object' && first !== null ? (first as CommandLike).values : undefined;
  if (values === undefined || values === null) return undefined;
  return Array.isArray(values) ? values : [values];
}

function record(sql: string | undefined, values: readonly unknown[] | undefined): QueryRecord | undefined {
  return sql === undefined ? undefined : startQuery({ sql, values, source: 'mysql2', dialect: 'mysql' });
}

/**
 * Finishes the record when the driver calls back. The callback runs in the
 * caller's perfgate context, not the socket's: a query issued from it belongs
 * to the caller's scope, not to whichever scope opened the connection (the
 * app's own async context stays as the driver gives it).
 */
function finishing(entry: QueryRecord, callback: Callback): Callback {
  return bindToCaller(function (this: unknown, error: unknown, ...rest: unknown[]) {
    finishQuery(entry, error);
    return callback.call(this, error, ...rest);
  });
}

/** Wraps the call's callback (`(sql, cb)`, `(sql, values, cb)`, or a prebuilt command's `onResult`); false when there is none. */
function finishOnCallback(entry: QueryRecord, args: unknown[]): boolean {
  const at = typeof args[1] === 'function' ? 1 : typeof args[2] === 'function' ? 2 : -1;
  if (at !== -1) {
    args[at] = finishing(entry, args[at] as Callback);
    return true;
  }
  const command = args[0] as CommandLike | undefined;
  if (typeof command === 'object' && command !== null && typeof command.onResult === 'function') {
    command.onResult = finishing(entry, command.onResult as Callback);
    return true;
  }
  return false;
}

/** Event-style and streamed queries: the duration runs to the command's 'end'; an 'error' listener would change how they fail, so none is added. */
function finishOnEnd(entry: QueryRecord, command: unknown): void {
  if (typeof (command as CommandLike | undefined)?.once === 'function') (command as Required<Pick<CommandLike, 'once'>>).once('end', () => finishQuery(entry));
}

/**
 * Calls the driver; a synchronous throw (bad bind values) fails the record
 * and is rethrown untouched. Not core's `callRecorded`: mysql2's commands
 * define a `then` that throws, to catch a missing `mysql2/promise`.
 */
function send<T>(entry: QueryRecord, call: () => T): T {
  try {
    return call();
  } catch (error) {
    finishQuery(entry, error);
    throw error;
  }
}

/**
 * `query` and `execute` on the base connection class: every call form,
 * callback or event style; the promise API (`mysql2/promise`) and pool
 * connections call these. One `execute` is one query (its internal prepare
 * is not counted). The returned command is the driver's own.
 */
const wrapConnectionCall = (original: Method): Method =>
  function call(this: unknown, ...args: unknown[]) {
    const entry = record(statementText(args[0]), statementValues(args[0], args[1]));
    if (entry === undefined) return original.apply(this, args);
    const hasCallback = finishOnCallback(entry, args);
    const command = send(entry, () => original.apply(this, args));
    if (!hasCallback) finishOnEnd(entry, command);
    return command;
  };

/**
 * `addCommand`: only an `Execute` of a statement from `connection.prepare()`
 * (`statement.execute(values)`), which bypasses `execute`. `execute`'s own
 * Execute carries its SQL text (and may already hold a cached statement).
 */
const wrapAddCommand = (original: Method): Method =>
  function addCommand(this: unknown, ...args: unknown[]) {
    const command = args[0] as CommandLike | undefined;
    const sql = command?.sql === undefined ? command?.statement?.query : undefined;
    const entry = typeof sql === 'string' ? record(sql, statementValues(undefined, command!.values)) : undefined;
    if (entry === undefined) return original.apply(this, args);
    if (!finishOnCallback(entry, [command])) finishOnEnd(entry, command);
    return send(entry, () => original.apply(this, args));
  };

/**
 * `pool.query`/`pool.execute` (and a PoolCluster namespace's): the pool
 * sends the query from a connection callback, where the caller's frames are
 * gone, so it is recorded here with the caller's stack, and the connection
 * call under it is not counted again.
 */
const wrapPoolCall = (original: Method): Method =>
  function call(this: unknown, ...args: unknown[]) {
    const entry = record(statementText(args[0]), statementValues(args[0], args[1]));
    if (entry === undefined) return original.apply(this, args);
    const hasCallback = finishOnCallback(entry, args);
    const command = send(entry, () => runAsOuterLayer(entry, () => original.apply(this, args)));
    if (!hasCallback) finishOnEnd(entry, command);
    return command;
  };

/**
 * `pool.getConnection(callback)`: a connection handed out after a wait calls
 * back from the async context that released it (another request's); bound,
 * it calls back in the caller's. New connections are opened outside
 * perfgate's scopes, so their sockets do not carry the first caller's scope.
 */
const wrapGetConnection = (original: Method): Method =>
  function getConnection(this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'function') args[0] = bindToCaller(args[0] as Callback);
    if (currentScope() === undefined) return original.apply(this, args);
    return getRuntime().storage.exit(() => original.apply(this, args));
  };

/** The nearest prototype on the chain from `start` that owns every one of `methods`. */
function owner(start: unknown, methods: readonly string[]): Record<string, Method> | undefined {
  for (let proto: unknown = start; typeof proto === 'object' && proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (methods.every((name) => Object.hasOwn(proto as object, name) && typeof (proto as Record<string, unknown>)[name] === 'function')) {
      return proto as Record<string, Method>;
    }
  }
  return undefined;
}

/**
 * `mysql2/promise` exports only its wrapper classes; the callback module it
 * wraps is the one to patch. Found through the module cache, from the same
 * install as the promise module.
 */
function callbackModule(module: unknown): Partial<Mysql2Module> | undefined {
  const exports = (module as { default?: unknown } | undefined)?.default ?? module;
  if (typeof exports !== 'object' || exports === null) return undefined;
  if (owner((exports as Partial<Mysql2Module>).Connection?.prototype, ['query', 'execute', 'addCommand'])) return exports as Mysql2Module;
  if (!('PromiseConnection' in exports)) return undefined;
  const entry = Object.values(createRequire(import.meta.url).cache).find((m) => m?.exports === exports);
  return entry === undefined ? undefined : (createRequire(entry.filename)('./') as Partial<Mysql2Module>);
}

/**
 * Records every statement mysql2 sends through `query` and `execute` —
 * callback and promise APIs, pools and pool clusters, transactions
 * (`START TRANSACTION`/`COMMIT`/`ROLLBACK` are statements) and prepared
 * statements (one query per execute) — into the current perfgate scope.
 * Pass `mysql2` or `mysql2/promise`; both are covered either way.
 * Idempotent and reversible.
 *
 * @example
 * import mysql from 'mysql2/promise';
 * const instrumentation = instrumentMysql2(mysql);
 * // …
 * instrumentation.dispose();
 */
export function instrumentMysql2(mysql: Mysql2Module): Instrumentation {
  const module = callbackModule(mysql);
  const connection = owner(module?.Connection?.prototype, ['query', 'execute', 'addCommand']);
  if (module === undefined || connection === undefined) {
    throw perfgateInvalidTarget('instrumentMysql2', "the mysql2 module ('mysql2' or 'mysql2/promise')", mysql, instrumentMysql2);
  }
  return acquireInstrumentation('mysql2', connection, (undo) => {
    undo.push(patchMethod(connection, 'query', wrapConnectionCall));
    undo.push(patchMethod(connection, 'execute', wrapConnectionCall));
    undo.push(patchMethod(connection, 'addCommand', wrapAddCommand));
    const pool = owner(module.Pool?.prototype, ['query', 'execute', 'getConnection']);
    if (pool !== undefined) {
      undo.push(patchMethod(pool, 'getConnection', wrapGetConnection));
      undo.push(patchMethod(pool, 'query', wrapPoolCall));
      undo.push(patchMethod(pool, 'execute', wrapPoolCall));
    }
    // A cluster's namespaces (`cluster.of('*')`) query like pools; their class is not exported, so one names it.
    const Cluster = module.PoolCluster as PoolClusterClass | undefined;
    const namespace = typeof Cluster === 'function' ? owner(Object.getPrototypeOf(new Cluster().of()), ['query', 'execute']) : undefined;
    if (namespace !== undefined) {
      undo.push(patchMethod(namespace, 'query', wrapPoolCall));
      undo.push(patchMethod(namespace, 'execute', wrapPoolCall));
    }
  });
}
