import { acquireInstrumentation, bindToCaller, callRecorded, finishQuery, isRecording, markInternalPath, patchMethod, perfgateInvalidTarget, startQuery, type Instrumentation, type QueryRecord } from '@perfgate/core/adapter';
import { observeFirstCall } from './observe-first-call.js';

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
  readonly name?: unknown;
  readonly values?: unknown;
  readonly submit?: unknown;
  /** pg-query-stream keeps its text on the pg-cursor it wraps. */
  readonly cursor?: { readonly text?: unknown; readonly values?: unknown } | undefined;
}

/**
 * The text of each named statement, per client (and per pool), from its first
 * run with text: a re-run by name alone (`{ name: 'p1', values: [3] }`) sends
 * no text, as the server has it prepared on that connection.
 */
const namedTexts = new WeakMap<object, Map<string, string>>();

function rememberedText(owner: unknown, name: string, text: unknown): string | undefined {
  // Called unbound, pg throws its own error: perfgate keeps nothing and leaves that to it.
  if (typeof owner !== 'object' || owner === null) return typeof text === 'string' ? text : undefined;
  let texts = namedTexts.get(owner);
  if (typeof text !== 'string') {
    // A statement prepared before perfgate instrumented the client: pg's own note of what it parsed.
    return texts?.get(name) ?? (owner as { connection?: { parsedStatements?: Record<string, unknown> } }).connection?.parsedStatements?.[name]?.toString();
  }
  if (texts === undefined) namedTexts.set(owner, (texts = new Map()));
  if (!texts.has(name)) texts.set(name, text);
  return text;
}

/** The statement a call sends, as `owner` (a client or a pool) knows it; undefined when it cannot tell. */
function queryText(owner: unknown, config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config !== 'object' || config === null) return undefined;
  const { text, name, cursor } = config as QueryConfigLike;
  if (typeof name === 'string' && name !== '') return rememberedText(owner, name, text);
  if (typeof text === 'string') return text;
  return typeof cursor?.text === 'string' ? cursor.text : undefined;
}

/**
 * What a client records when it cannot know the text: a named statement it
 * never saw prepared (pg fails it, but it went to the server), or a
 * submittable that keeps its text to itself. Counted either way.
 */
function unknownText(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const { name, submit } = config as QueryConfigLike;
  if (typeof name === 'string' && name !== '') return `EXECUTE "${name.replaceAll('"', '""')}"`;
  return typeof submit === 'function' ? `pg submittable ${config.constructor.name || 'anonymous'}` : undefined;
}

function queryValues(config: unknown, values: unknown): readonly unknown[] | undefined {
  if (Array.isArray(values)) return values;
  const from = typeof config === 'object' && config !== null ? ((config as QueryConfigLike).values ?? (config as QueryConfigLike).cursor?.values) : undefined;
  return Array.isArray(from) ? from : undefined;
}

function finishing(record: QueryRecord, callback: Callback): Callback {
  return function (this: unknown, error: unknown, ...rest: unknown[]) {
    finishQuery(record, error);
    return callback.call(this, error, ...rest);
  };
}

/**
 * A submittable (pg.Query, pg-cursor, pg-query-stream) has no promise and
 * reports through its own events and callbacks, which perfgate leaves alone.
 * pg calls its `handleError` or `handleReadyForQuery` as the server answers.
 */
function finishWhenAnswered(record: QueryRecord, submittable: object): void {
  observeFirstCall(submittable, ['handleError', 'handleReadyForQuery'], (name, args) => finishQuery(record, name === 'handleError' ? (args[0] ?? new Error('pg query failed')) : undefined));
}

/**
 * The query `Pool.prototype.query` recorded, from its call until the pool's
 * `connect`, which pg-pool makes synchronously inside it; then, while the
 * connection callback runs, the query it sends on the client it got. pg-pool
 * sends that query synchronously in the callback, so two variables carry
 * the pool's record to it: no AsyncLocalStorage run, no derived promise.
 */
let connecting: QueryRecord | undefined;
let sending: QueryRecord | undefined;

/**
 * `Client.prototype.query`: every call form — `(text)`, `(text, values)`,
 * `(config)`, named statements, each with or without a callback, and
 * submittables (Cursor, QueryStream). Pool queries pass through it. `this`,
 * the callback's arguments, the submittable and the promise's settling are the
 * driver's own.
 */
function wrapQuery(original: QueryMethod): QueryMethod {
  return function query(this: unknown) {
    const pooled = sending;
    if (pooled !== undefined) {
      sending = undefined;
      return sendPooled(pooled, original, this, Array.prototype.slice.call(arguments));
    }
    // Nothing would record it: pg's own call, with its own arguments object (a named statement's text is learnt by
    // the next call that records; pg's parsedStatements names those prepared meanwhile).
    if (!isRecording()) return original.apply(this, arguments as unknown as unknown[]);
    const args: unknown[] = Array.prototype.slice.call(arguments);
    const [config, values, callback] = args;
    const sql = queryText(this, config) ?? unknownText(config);
    const record = sql === undefined ? undefined : startQuery({ sql, values: queryValues(config, values), source: 'pg', dialect: 'postgres' });
    if (record === undefined) return original.apply(this, args);
    if (typeof (config as QueryConfigLike).submit === 'function') finishWhenAnswered(record, config as object);
    else if (typeof values === 'function') args[1] = finishing(record, values as Callback);
    else if (typeof callback === 'function') args[2] = finishing(record, callback as Callback);
    return callRecorded(record, () => original.apply(this, args));
  };
}

/**
 * The client query pg-pool sends for a `pool.query` the pool recorded: not
 * counted again, and it finishes the pool's record when pg calls pg-pool
 * back. The client still learns a named statement's text, as it does for
 * its own queries.
 */
function sendPooled(record: QueryRecord, original: QueryMethod, client: unknown, args: unknown[]): unknown {
  const [config, values, callback] = args;
  queryText(client, config);
  if (typeof config === 'object' && config !== null && typeof (config as QueryConfigLike).submit === 'function') finishWhenAnswered(record, config);
  else if (typeof values === 'function') args[1] = finishing(record, values as Callback);
  else if (typeof callback === 'function') args[2] = finishing(record, callback as Callback);
  try {
    return original.apply(client, args);
  } catch (error) {
    finishQuery(record, error);
    throw error;
  }
}

/**
 * `Pool.prototype.query`: the pool issues the query from a connection
 * callback, where the caller's frames are gone, so the query is recorded
 * here (with the caller's stack for its call site) and the client call
 * under it is not counted again. The caller gets pg-pool's own promise.
 */
function wrapPoolQuery(original: QueryMethod): QueryMethod {
  return function query(this: unknown) {
    // Nothing would record it: pg-pool's own call, with its own arguments object.
    if (!isRecording()) return original.apply(this, arguments as unknown as unknown[]);
    const args: unknown[] = Array.prototype.slice.call(arguments);
    const [config, values] = args;
    // A statement the pool cannot name (a named one first prepared on a checked-out client) is recorded by the client it lands on.
    const sql = queryText(this, config);
    const record = sql === undefined ? undefined : startQuery({ sql, values: queryValues(config, values), source: 'pg', dialect: 'postgres' });
    if (record === undefined) return original.apply(this, args);
    connecting = record;
    try {
      return original.apply(this, args);
    } catch (error) {
      finishQuery(record, error);
      throw error;
    } finally {
      connecting = undefined;
    }
  };
}

/** pg-pool's connection callback for a query the pool recorded: a failed connect fails it, else the callback's client query sends it. */
function sendingFrom(record: QueryRecord, callback: Callback): Callback {
  return function (this: unknown, error: unknown, ...rest: unknown[]) {
    if (error !== undefined && error !== null) {
      finishQuery(record, error);
      return callback.call(this, error, ...rest);
    }
    sending = record;
    try {
      return callback.call(this, error, ...rest);
    } finally {
      sending = undefined;
    }
  };
}

/**
 * `Pool.prototype.connect(callback)`: a client handed out after a wait (or
 * a fresh connection) calls back from another request's async context, and
 * `pool.query` issues its query inside that callback. Binding the callback
 * to the caller's perfgate context keeps every pool query in its own scope.
 * The promise form needs nothing: its continuation runs in the awaiting context.
 */
function wrapConnect(original: ConnectMethod): ConnectMethod {
  return function connect(this: unknown, ...args: unknown[]) {
    const callback = args[0];
    if (typeof callback === 'function') {
      const record = connecting;
      connecting = undefined;
      args[0] = bindToCaller(record === undefined ? (callback as Callback) : sendingFrom(record, callback as Callback));
    }
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
