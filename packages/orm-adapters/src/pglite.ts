import { acquireInstrumentation, bindToCaller, callRecorded, finishQuery, markInternalPath, patchMethod, perfgateInvalidTarget, startQuery, type Instrumentation, type QueryRecord } from '@perfgate/core/adapter';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** The part of a PGlite class perfgate patches (`PGlite`, or a subclass). */
export interface PGliteClass {
  readonly prototype: object;
}

interface TransactionLike {
  query: Method;
  sql: Method;
  exec: Method;
  rollback: Method;
}

function record(sql: unknown, values?: unknown): QueryRecord | undefined {
  if (typeof sql !== 'string') return undefined;
  return startQuery({ sql, values: Array.isArray(values) ? values : undefined, source: 'pglite', dialect: 'postgres' });
}

/** Calls `original`; a recorded query is finished when the driver's promise settles (see callRecorded). */
function track(entry: QueryRecord | undefined, original: Method, self: unknown, args: unknown[]): unknown {
  return entry === undefined ? original.apply(self, args) : callRecorded(entry, () => original.apply(self, args));
}

const wrapQuery = (original: Method): Method =>
  function query(this: unknown, ...args: unknown[]) {
    return track(record(args[0], args[1]), original, this, args);
  };

const wrapExec = (original: Method): Method =>
  function exec(this: unknown, ...args: unknown[]) {
    return track(record(args[0]), original, this, args);
  };

/** Template-tag form on a transaction: rebuild the text PGlite will send ($1, $2, …). */
function sqlFromTemplate(strings: unknown): string | undefined {
  if (!Array.isArray(strings)) return undefined;
  return strings.reduce((text: string, part: string, i: number) => (i === 0 ? part : `${text}$${i}${part}`), '');
}

/**
 * The transaction object's methods call PGlite's private runners directly,
 * not `query`/`exec`, so they are wrapped on the (per-transaction) object.
 * PGlite's own BEGIN, COMMIT and ROLLBACK are recorded too: they are
 * statements the database runs, as they are on a pg connection.
 */
function instrumentTransaction(tx: TransactionLike): { done: (failed: boolean) => void } {
  let closed = false;
  const { query, sql, exec, rollback } = tx;
  tx.query = wrapQuery(query);
  tx.exec = wrapExec(exec);
  tx.sql = function (this: unknown, ...args: unknown[]) {
    return track(record(sqlFromTemplate(args[0]), args.slice(1)), sql, this, args);
  };
  tx.rollback = function (this: unknown, ...args: unknown[]) {
    closed = true;
    return track(record('ROLLBACK'), rollback, this, args);
  };
  finishQuery(record('BEGIN'));
  return {
    done(failed) {
      if (closed) return;
      closed = true;
      finishQuery(record(failed ? 'ROLLBACK' : 'COMMIT'));
    },
  };
}

const wrapTransaction = (original: Method): Method =>
  function transaction(this: unknown, ...args: unknown[]) {
    const callback = args[0];
    if (typeof callback !== 'function') return original.apply(this, args);
    // PGlite runs the callback when its queue frees up, in whichever async
    // context released it; bind it to the caller's perfgate context so its queries
    // stay in scope (perfgate's stores only: AsyncResource.bind would move the
    // app's own AsyncLocalStorages too, and on Node 20 builds two deprecation
    // wrappers per call).
    args[0] = bindToCaller(async (tx: TransactionLike) => {
      const { done } = instrumentTransaction(tx);
      try {
        const value: unknown = await (callback as Method).call(undefined, tx);
        done(false);
        return value;
      } catch (error) {
        done(true);
        throw error;
      }
    });
    return original.apply(this, args);
  };

/**
 * Records every statement PGlite runs through `query`, `sql` (which calls
 * `query`), `exec` and `transaction` into the current perfgate scope.
 * Pass the class: `instrumentPGlite(PGlite)`. Idempotent and reversible.
 */
export function instrumentPGlite(PGlite: PGliteClass): Instrumentation {
  const proto = (PGlite as Partial<PGliteClass> | undefined)?.prototype as Partial<Record<'query' | 'exec' | 'transaction', unknown>> | undefined;
  if (typeof proto?.query !== 'function' || typeof proto.exec !== 'function') {
    throw perfgateInvalidTarget('instrumentPGlite', 'the PGlite class (with prototype.query and prototype.exec)', PGlite, instrumentPGlite);
  }
  return acquireInstrumentation('pglite', proto, (undo) => {
    const target = proto as Record<'query' | 'exec' | 'transaction', Method>;
    undo.push(patchMethod(target, 'query', wrapQuery));
    undo.push(patchMethod(target, 'exec', wrapExec));
    if (typeof proto.transaction === 'function') undo.push(patchMethod(target, 'transaction', wrapTransaction));
  });
}
