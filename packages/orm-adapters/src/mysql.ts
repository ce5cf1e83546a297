import { acquireInstrumentation, bindToCaller, currentScope, finishQuery, markInternalPath, patchMethod, perfgateInvalidTarget, runAsOuterLayer, startQuery, type Instrumentation, type QueryRecord } from '@perfgate/core/adapter';
import { getRuntime } from '@perfgate/core/runner';
import { observeFirstCall } from './observe-first-call.js';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;
type Callback = (this: unknown, ...args: unknown[]) => unknown;

/** The part of the `mysql` (mysqljs) module perfgate uses: its classes are not exported, so it names them from what these make. */
export interface MysqlModule {
  createConnection(config: object): object;
  createPool(config: object): object;
  createPoolCluster?(config?: object): { of(pattern: string): object };
}

/** `(sql)`, `(sql, values)`, `({ sql, values })` or a query from `mysql.createQuery`. */
interface QueryOptionsLike {
  readonly sql?: unknown;
  readonly values?: unknown;
}

function statementText(first: unknown): string | undefined {
  if (typeof first === 'string') return first;
  const sql = typeof first === 'object' && first !== null ? (first as QueryOptionsLike).sql : undefined;
  return typeof sql === 'string' ? sql : undefined;
}

/** Values as the call gives them: an array, one bare value, or an object for `SET ?`. */
function statementValues(first: unknown, second: unknown): readonly unknown[] | undefined {
  const values = second !== undefined && typeof second !== 'function' ? second : typeof first === 'object' && first !== null ? (first as QueryOptionsLike).values : undefined;
  if (values === undefined || values === null) return undefined;
  return Array.isArray(values) ? values : [values];
}

/**
 * Starts the record. A callback the caller passed is bound to the caller's
 * async context: mysql calls back from the socket's, which belongs to
 * whichever scope opened the connection. No callback is added where there is
 * none: a query with neither callback nor 'error' listener lets its error
 * reach the connection, and that must not change.
 */
function record(args: unknown[]): QueryRecord | undefined {
  const sql = statementText(args[0]);
  const entry = sql === undefined ? undefined : startQuery({ sql, values: statementValues(args[0], args[1]), source: 'mysql', dialect: 'mysql' });
  if (entry === undefined) return undefined;
  const at = typeof args[1] === 'function' ? 1 : typeof args[2] === 'function' ? 2 : -1;
  if (at !== -1) args[at] = bindToCaller(args[at] as Callback);
  return entry;
}

/**
 * Calls the driver and finishes the record when the query ends: every query
 * (callback, event emitter or `.stream()`) ends through its own `end(error)`,
 * called a tick later at the earliest. A synchronous throw (a bad callback)
 * fails the record and is rethrown untouched.
 */
function send(entry: QueryRecord, call: () => unknown): unknown {
  let query: unknown;
  try {
    query = call();
  } catch (error) {
    finishQuery(entry, error);
    throw error;
  }
  if (typeof query === 'object' && query !== null) observeFirstCall(query, ['end'], (_, args) => finishQuery(entry, args[0]));
  return query;
}

/** `Connection.prototype.query`: every statement, pool connections' and transactions' (`START TRANSACTION`, `COMMIT`) included. */
const wrapConnectionQuery = (original: Method): Method =>
  function query(this: unknown, ...args: unknown[]) {
    const entry = record(args);
    return entry === undefined ? original.apply(this, args) : send(entry, () => original.apply(this, args));
  };

/**
 * `pool.query` and a cluster namespace's `query`: the pool sends the query
 * from a connection callback, where the caller's frames are gone, so it is
 * recorded here with the caller's stack, and the connection's `query` under
 * it is not counted again.
 */
const wrapPoolQuery = (original: Method): Method =>
  function query(this: unknown, ...args: unknown[]) {
    const entry = record(args);
    return entry === undefined ? original.apply(this, args) : send(entry, () => runAsOuterLayer(entry, () => original.apply(this, args)));
  };

/**
 * `pool.getConnection(callback)`: bound, the callback runs in the caller's
 * perfgate context (its scope and test; the app's own async context stays as
 * the driver gives it), not the one that released the connection (another
 * request's). New connections are opened outside perfgate's scopes, so their
 * sockets do not carry the first caller's scope.
 */
const wrapGetConnection = (original: Method): Method =>
  function getConnection(this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'function') args[0] = bindToCaller(args[0] as Callback);
    if (currentScope() === undefined) return original.apply(this, args);
    return getRuntime().storage.exit(() => original.apply(this, args));
  };

/** The prototype on `object`'s chain that owns `name`. */
function owner(object: unknown, name: string): Record<string, Method> | undefined {
  for (let proto: unknown = typeof object === 'object' && object !== null ? Object.getPrototypeOf(object) : undefined; typeof proto === 'object' && proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, name) && typeof (proto as Record<string, unknown>)[name] === 'function') return proto as Record<string, Method>;
  }
  return undefined;
}

/**
 * Records every statement the `mysql` driver (mysqljs, what TypeORM tries
 * first for MySQL and MariaDB) sends — connections, pools, pool clusters,
 * callbacks, event emitters and `.stream()` — into the current perfgate
 * scope. Pass the module. Idempotent and reversible; with knex instrumented
 * too, a knex statement is counted once.
 *
 * @example
 * import mysql from 'mysql';
 * const instrumentation = instrumentMysql(mysql);
 * // …
 * instrumentation.dispose();
 */
export function instrumentMysql(mysql: MysqlModule): Instrumentation {
  const module = mysql as Partial<MysqlModule> | undefined;
  // Made, never connected: they only name the classes.
  const connection = typeof module?.createConnection === 'function' ? owner(module.createConnection({}), 'query') : undefined;
  const pool = typeof module?.createPool === 'function' ? module.createPool({}) : undefined;
  const poolQuery = owner(pool, 'query');
  const poolConnect = owner(pool, 'getConnection');
  if (connection === undefined || poolQuery === undefined || poolConnect === undefined) {
    throw perfgateInvalidTarget('instrumentMysql', "the mysql module ('mysql', mysqljs)", mysql, instrumentMysql);
  }
  return acquireInstrumentation('mysql', connection, (undo) => {
    undo.push(patchMethod(connection, 'query', wrapConnectionQuery));
    undo.push(patchMethod(poolQuery, 'query', wrapPoolQuery));
    undo.push(patchMethod(poolConnect, 'getConnection', wrapGetConnection));
    const namespace = typeof module!.createPoolCluster === 'function' ? owner(module!.createPoolCluster().of('*'), 'query') : undefined;
    if (namespace !== undefined) undo.push(patchMethod(namespace, 'query', wrapPoolQuery));
  });
}
