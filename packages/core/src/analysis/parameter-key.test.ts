import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryRecord } from '../record/query-record.js';
import { startQuery } from '../record/recorder.js';
import { recordQueries } from '../scope/record-queries.js';
import { parameterKey } from './parameter-key.js';

/** Records one query per entry and returns their parameter keys, in order. */
async function keysOf(...queries: Array<{ sql: string; values?: readonly unknown[] }>): Promise<string[]> {
  const result = await recordQueries(() => {
    for (const { sql, values } of queries) startQuery({ sql, values, source: 'test', dialect: 'postgres' });
  });
  return result.queries.map((query: QueryRecord) => parameterKey(query));
}

const BY_ID = 'SELECT * FROM items WHERE id = $1';

describe('parameterKey', () => {
  it('is equal for equal values and different for different ones', async () => {
    const [a, b, c, d] = await keysOf({ sql: BY_ID, values: [1] }, { sql: BY_ID, values: [1] }, { sql: BY_ID, values: [2] }, { sql: BY_ID, values: ['1'] });
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('compares structured values by content', async () => {
    const sql = 'SELECT * FROM t WHERE doc @> $1 AND tags = $2';
    const [a, b, c] = await keysOf(
      { sql, values: [{ kind: 'x', n: [1, 2] }, ['a', 'b']] },
      { sql, values: [{ kind: 'x', n: [1, 2] }, ['a', 'b']] },
      { sql, values: [{ kind: 'x', n: [1, 3] }, ['a', 'b']] },
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('handles values JSON cannot print: bigints, bytes and dates', async () => {
    const sql = 'SELECT * FROM t WHERE a = $1';
    const [big1, big1Again, big2, bytes, bytesAgain, otherBytes, date, sameDate, otherDate] = await keysOf(
      { sql, values: [1n] },
      { sql, values: [1n] },
      { sql, values: [2n] },
      { sql, values: [new Uint8Array([1, 2, 3])] },
      { sql, values: [new Uint8Array([1, 2, 3])] },
      { sql, values: [new Uint8Array([1, 2, 4])] },
      { sql, values: [new Date('2024-05-01T00:00:00Z')] },
      { sql, values: [new Date('2024-05-01T00:00:00Z')] },
      { sql, values: [new Date('2024-05-02T00:00:00Z')] },
    );
    expect(big1).toBe(big1Again);
    expect(big1).not.toBe(big2);
    expect(bytes).toBe(bytesAgain);
    expect(bytes).not.toBe(otherBytes);
    expect(date).toBe(sameDate);
    expect(date).not.toBe(otherDate);
  });

  it('uses the SQL text when the literals were inlined (no values, or an empty list)', async () => {
    const [a, b, c, d] = await keysOf(
      { sql: 'SELECT * FROM items WHERE id = 1' },
      { sql: 'SELECT * FROM items WHERE id = 1', values: [] },
      { sql: 'SELECT * FROM items WHERE id = 2' },
      { sql: 'SELECT * FROM items WHERE id = $1', values: [1] },
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).not.toBe(d);
  });

  it('does not throw on circular values, and keeps them apart from other statements', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const [a, b, c] = await keysOf({ sql: BY_ID, values: [circular] }, { sql: BY_ID, values: [circular] }, { sql: 'SELECT * FROM orders WHERE id = $1', values: [circular] });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('is equal for two executions exactly when their parameters are equal (property: one value, or several)', async () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
    const equal = (a: unknown, b: unknown) => typeof a === typeof b && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
    const sameArrays = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => equal(v, b[i]));
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 3 }), fc.array(value, { minLength: 1, maxLength: 3 }), async (a, b) => {
        const [keyA, keyB] = await keysOf({ sql: BY_ID, values: a }, { sql: BY_ID, values: b });
        // JSON prints NaN and ±Infinity alike (null): only for those may keys of unequal values meet.
        const printable = [...a, ...b].every((v) => typeof v !== 'number' || Number.isFinite(v));
        if (printable || (a.length === 1 && b.length === 1)) expect(keyA === keyB).toBe(sameArrays(a, b));
        else if (sameArrays(a, b)) expect(keyA).toBe(keyB);
      }),
    );
  });
});
