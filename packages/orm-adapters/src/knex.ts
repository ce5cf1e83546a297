import { AsyncLocalStorage } from 'node:async_hooks';
import { acquireInstrumentation, callRecorded, currentScope, markInternalPath, patchMethod, PerfgateError, perfgateInvalidTarget, runAsOuterLayer, startQuery, type Instrumentation, type QueryRecord, type SqlDialect } from '@perfgate/core/adapter';
import { ERROR_MESSAGES, getRuntime } from '@perfgate/core/runner';
import { installedVersionOf, majorMinor } from './package-version.js';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The knex module (`import knex from 'knex'`): its `Client` is the class every dialect extends. */
export interface KnexModule {
  readonly Client: { readonly prototype: object };
}

/** A knex instance (`knex({ client: 'pg', … })`) or transaction: its `client` inherits from that class. */
export interface KnexInstance {
  readonly client: object;
}

interface KnexClient {
  readonly dialect?: unknown;
  positionBindings?(sql: string): string;
}

/** What `builder.toSQL()` gives `client.query`; transactions pass a string (`'BEGIN;'`). */
interface CompiledQuery {
  readonly sql?: unknown;
  readonly bindings?: unknown;
  readonly method?: unknown;
}

interface BuilderStatement {
  readonly type?: unknown;
  readonly method?: unknown;
  readonly aggregateDistinct?: unknown;
}

interface BuilderLike {
  readonly _single?: { readonly table?: unknown };
  readonly _statements?: readonly BuilderStatement[];
  readonly _sequence?: ReadonlyArray<{ readonly method?: unknown; readonly args?: readonly unknown[] }>;
}

/**
 * The builder whose runner is sending the current query: `client.query` is
 * handed only the compiled SQL, so the runner passes its builder down here.
 */
const runningBuilder = new AsyncLocalStorage<BuilderLike>();

/** `'orders'`, `'orders as o'` and `{ o: 'orders' }` name the table orders; subqueries and raw tables name none. */
function tableName(table: unknown): string | undefined {
  if (typeof table === 'string') return table.split(/\s+as\s+/i)[0]!.trim() || undefined;
  if (typeof table === 'object' && table !== null && Object.getPrototypeOf(table) === Object.prototype) {
    const [name] = Object.values(table);
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/**
 * knex compiles `count()`, `max()`, `sumDistinct()`… as a select (or a
 * `first`), so the builder's aggregate, not the compiled method, says what the
 * statement does: `count`, `countDistinct`, `max`.
 */
function aggregateOf(builder: BuilderLike): string | undefined {
  const statements = Array.isArray(builder._statements) ? builder._statements : [];
  const aggregate = statements.find((s) => (s.type === 'aggregate' || s.type === 'aggregateRaw') && typeof s.method === 'string');
  if (aggregate === undefined) return undefined;
  return aggregate.aggregateDistinct === true ? `${aggregate.method as string}Distinct` : (aggregate.method as string);
}

/** `orders.select`, `orders.first`, `orders.count`, `order_items.insert`, `raw`; schema builders `orders.createTable`. */
function labelOf(builder: BuilderLike | undefined, query: CompiledQuery): string | undefined {
  if (builder === undefined) return undefined;
  const method = typeof query.method === 'string' ? query.method : undefined;
  if (method === 'raw') return 'raw';
  if (Array.isArray(builder._sequence)) {
    const only = builder._sequence.length === 1 ? builder._sequence[0] : undefined;
    if (typeof only?.method !== 'string') return 'schema';
    const table = only.args?.[0];
    return `${typeof table === 'string' ? table : 'schema'}.${only.method}`;
  }
  if (method === undefined) return undefined;
  const action = method === 'select' || method === 'first' ? (aggregateOf(builder) ?? method) : method;
  const table = tableName(builder._single?.table);
  return table === undefined ? action : `${table}.${action}`;
}

function dialectOf(client: KnexClient): SqlDialect {
  // mysql, mysql2 and mariadb share knex's 'mysql' dialect; every other dialect quotes like standard SQL.
  return client.dialect === 'mysql' ? 'mysql' : 'postgres';
}

function record(client: KnexClient, param: unknown): QueryRecord | undefined {
  if (currentScope() === undefined) return undefined;
  const query: CompiledQuery = typeof param === 'string' ? { sql: param } : ((param ?? {}) as CompiledQuery);
  if (typeof query.sql !== 'string') return undefined;
  // The text the driver is sent: knex turns `?` into `$1` for PostgreSQL inside the call.
  const sql = typeof client.positionBindings === 'function' ? client.positionBindings(query.sql) : query.sql;
  const values = Array.isArray(query.bindings) ? (query.bindings as unknown[]) : undefined;
  return startQuery({ sql, values, source: 'knex', dialect: dialectOf(client), label: labelOf(runningBuilder.getStore(), query) });
}

/**
 * `Client.prototype.query(connection, query)` and `stream(connection, query,
 * stream, options)`: every statement knex sends — builders, raw, schema,
 * and the BEGIN/COMMIT/ROLLBACK/SAVEPOINT of transactions — passes one of
 * them. The driver call under it is the same query: a driver adapter
 * instrumented too does not count it again.
 */
const wrapSend = (original: Method): Method =>
  function send(this: unknown, ...args: unknown[]) {
    const entry = record(this as KnexClient, args[1]);
    if (entry === undefined) return original.apply(this, args);
    return callRecorded(entry, () => runAsOuterLayer(entry, () => original.apply(this, args)));
  };

/**
 * `Runner.prototype.ensureConnection`: where a builder's statements start
 * (for `await builder` and `builder.stream()`), so `client.query` can name it.
 */
const wrapEnsureConnection = (original: Method): Method =>
  function ensureConnection(this: unknown, ...args: unknown[]) {
    const builder = (this as { builder?: BuilderLike }).builder;
    if (builder === undefined || currentScope() === undefined) return original.apply(this, args);
    return runningBuilder.run(builder, () => original.apply(this, args));
  };

/**
 * `Client.prototype.acquireConnection`: a new pool connection runs setup
 * statements (`select version()`, `set search_path`) only when the pool
 * happens to be cold. Opening it outside perfgate's scopes keeps a driver
 * adapter from counting them, so a budget does not depend on pool warmth.
 */
const wrapAcquireConnection = (original: Method): Method =>
  function acquireConnection(this: unknown, ...args: unknown[]) {
    if (currentScope() === undefined) return original.apply(this, args);
    return getRuntime().storage.exit(() => original.apply(this, args));
  };

type ClientPrototype = Record<'query' | 'stream' | 'acquireConnection' | 'runner', Method>;

/** knex's base `Client.prototype` (the one that defines `runner`), from the module, an instance or a transaction. */
function baseClient(knex: unknown): ClientPrototype | undefined {
  const start = (knex as Partial<KnexModule> | undefined)?.Client?.prototype ?? (knex as Partial<KnexInstance> | undefined)?.client;
  for (let proto: unknown = start; typeof proto === 'object' && proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, 'runner') && Object.hasOwn(proto, 'query')) {
      const client = proto as Partial<ClientPrototype>;
      if (typeof client.runner === 'function' && typeof client.query === 'function' && typeof client.stream === 'function' && typeof client.acquireConnection === 'function') {
        return client as ClientPrototype;
      }
    }
  }
  return undefined;
}

/** knex does not export its Runner class; `client.runner()` only constructs one, so a throwaway one names its prototype. */
function runnerPrototype(client: ClientPrototype): Record<'ensureConnection', Method> | undefined {
  const runner: unknown = client.runner.call(Object.create(client), undefined);
  const proto = typeof runner === 'object' && runner !== null ? (Object.getPrototypeOf(runner) as Partial<Record<'ensureConnection', unknown>>) : undefined;
  return typeof proto?.ensureConnection === 'function' ? (proto as Record<'ensureConnection', Method>) : undefined;
}

/** The knex versions perfgate is tested with (packages/installed-tests/fixtures/knex-versions); the peer range says the same. */
export const SUPPORTED_KNEX = '>=0.20 <4';

/**
 * knex before 0.20 runs its queries on Bluebird promises, whose scheduler
 * runs callbacks in whatever async context drained its queue: the query
 * runs outside every scope, and with the connection acquired outside
 * perfgate's scopes (below) the driver's own record is lost too. Refused,
 * so a budget never passes on a silent 0.
 */
function refuseUnsupported(client: ClientPrototype): void {
  const version = installedVersionOf((client as { constructor?: unknown }).constructor, 'knex');
  const [major, minor] = (version === undefined ? undefined : majorMinor(version)) ?? [];
  if (version === undefined || major === undefined || minor === undefined || major > 0 || minor >= 20) return;
  const reason = 'knex before 0.20 runs its queries on Bluebird promises, which lose the async context: perfgate would count none of them.';
  const error = new PerfgateError('UNSUPPORTED_VERSION', ERROR_MESSAGES.UNSUPPORTED_VERSION('instrumentKnex', 'knex', version, SUPPORTED_KNEX, reason));
  Error.captureStackTrace(error, instrumentKnex);
  throw error;
}

/**
 * Records every statement knex (0.20 to 3) sends into the current perfgate scope,
 * labelled `<table>.<method>` (`orders.select`, `orders.first`, `raw`).
 * Pass the knex module or any knex instance: the patch is on knex's base
 * `Client` class, so it covers every instance (every dialect, knex-pglite
 * included) and transaction made from that copy of knex. Idempotent and
 * reversible; with a driver adapter (pg, PGlite, mysql2) instrumented too,
 * each statement is still counted once.
 *
 * @example
 * import knex from 'knex';
 * const instrumentation = instrumentKnex(knex);
 * // …
 * instrumentation.dispose();
 */
export function instrumentKnex(knex: KnexModule | KnexInstance): Instrumentation {
  const client = baseClient(knex);
  const runner = client === undefined ? undefined : runnerPrototype(client);
  if (client === undefined || runner === undefined) {
    throw perfgateInvalidTarget('instrumentKnex', 'the knex module or a knex instance', knex, instrumentKnex);
  }
  refuseUnsupported(client);
  return acquireInstrumentation('knex', client, (undo) => {
    undo.push(patchMethod(client, 'query', wrapSend));
    undo.push(patchMethod(client, 'stream', wrapSend));
    undo.push(patchMethod(client, 'acquireConnection', wrapAcquireConnection));
    undo.push(patchMethod(runner, 'ensureConnection', wrapEnsureConnection));
  });
}
