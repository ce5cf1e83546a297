import { afterEach, describe, expect, it } from 'vitest';
import { startQuery } from '../record/recorder.js';
import { getRuntime } from '../runtime.js';
import { recordQueries } from '../scope/record-queries.js';
import type { SqlDialect } from '../sql/scan-sql.js';
import { MAX_LABELS_PER_SHAPE, tallyQueries } from './query-budget.js';

const issue = (sql: string, dialect: SqlDialect = 'postgres') => startQuery({ sql, source: 'test', dialect });
const record = (sqls: readonly string[], dialect: SqlDialect = 'postgres') => recordQueries(() => sqls.forEach((sql) => issue(sql, dialect)));

/** The tally without the per-shape details (labels, sampled record), which the tests below do not concern. */
const counts = ({ shapes, ...rest }: ReturnType<typeof tallyQueries>) => ({ ...rest, shapes: shapes.map(({ shape, kind, count }) => ({ shape, kind, count })) });

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
});

const ORDERS = [
  'SELECT * FROM users WHERE id = 1',
  'SELECT * FROM orders WHERE user_id = 1',
  'SELECT * FROM orders WHERE user_id = 2',
  'UPDATE users SET seen = now() WHERE id = 1',
  'SELECT * FROM orders WHERE user_id = 3',
  'INSERT INTO audit (event) VALUES (\'x\')',
  'UPDATE users SET seen = now() WHERE id = 2',
];

describe('tallyQueries', () => {
  it('counts by shape, most frequent first, ties in first-seen order', async () => {
    const tally = tallyQueries(await record(ORDERS));
    expect(counts(tally)).toEqual({
      total: 7,
      counted: 7,
      unshaped: 0,
      shapes: [
        { shape: 'SELECT * FROM orders WHERE user_id = ?', kind: 'select', count: 3 },
        { shape: 'UPDATE users SET seen = now() WHERE id = ?', kind: 'update', count: 2 },
        { shape: 'SELECT * FROM users WHERE id = ?', kind: 'select', count: 1 },
        { shape: 'INSERT INTO audit (event) VALUES (?)', kind: 'insert', count: 1 },
      ],
    });
  });

  it('is empty for a scope without queries', async () => {
    expect(counts(tallyQueries(await record([])))).toEqual({ total: 0, counted: 0, unshaped: 0, shapes: [] });
  });

  it('filters by one kind or several', async () => {
    const result = await record(ORDERS);
    const selects = tallyQueries(result, { kind: 'select' });
    expect(selects.total).toBe(7);
    expect(selects.counted).toBe(4);
    expect(selects.shapes.map((s) => s.kind)).toEqual(['select', 'select']);

    const writes = tallyQueries(result, { kind: ['update', 'insert'] });
    expect(writes.counted).toBe(3);
    expect(writes.shapes.map((s) => s.shape)).toEqual(['UPDATE users SET seen = now() WHERE id = ?', 'INSERT INTO audit (event) VALUES (?)']);

    expect(tallyQueries(result, { kind: 'delete' })).toMatchObject({ total: 7, counted: 0, shapes: [] });
  });

  it('filters by a case-insensitive substring of the SQL text', async () => {
    const tally = tallyQueries(await record(ORDERS), { match: 'from ORDERS' });
    expect(tally.counted).toBe(3);
    expect(tally.shapes).toHaveLength(1);
  });

  it('filters by a RegExp, also a /g one used again and again', async () => {
    const result = await record(ORDERS);
    const global = /users/g;
    expect(tallyQueries(result, { match: global }).counted).toBe(3);
    expect(tallyQueries(result, { match: global }).counted).toBe(3);
    expect(tallyQueries(result, { match: /^select .* user_id = [12]$/i }).counted).toBe(2);
  });

  it('combines kind and match', async () => {
    const tally = tallyQueries(await record(ORDERS), { kind: 'select', match: /users/ });
    expect(tally.counted).toBe(1);
    expect(counts(tally).shapes).toEqual([{ shape: 'SELECT * FROM users WHERE id = ?', kind: 'select', count: 1 }]);
  });

  it('counts queries past the record limit by their SQL text, in the scope’s dialect', async () => {
    getRuntime().settings.maxQueriesPerScope = 3;
    const result = await record(
      ['SELECT * FROM t WHERE a = 1', 'SELECT 2', 'SELECT * FROM t WHERE a = 3', 'SELECT * FROM t WHERE a = 4', "SELECT * FROM u WHERE note = 'it\\'s' # mysql comment"],
      'mysql',
    );
    expect(result.queries).toHaveLength(3);
    expect(result.overflow?.size).toBe(2);
    const tally = tallyQueries(result);
    expect(counts(tally)).toEqual({
      total: 5,
      counted: 5,
      unshaped: 0,
      shapes: [
        { shape: 'SELECT * FROM t WHERE a = ?', kind: 'select', count: 3 },
        { shape: 'SELECT ?', kind: 'select', count: 1 },
        { shape: 'SELECT * FROM u WHERE note = ?', kind: 'select', count: 1 },
      ],
    });
  });

  it('reports queries past every bound as unshaped, counted only when nothing is filtered', async () => {
    getRuntime().settings.maxQueriesPerScope = 1;
    // 1 kept, `SELECT b` in the overflow table, `SELECT c` and `SELECT d` only counted.
    const result = await record(['SELECT a', 'SELECT b', 'SELECT c', 'SELECT b', 'SELECT d']);
    expect(counts(tallyQueries(result))).toEqual({
      total: 5,
      counted: 5,
      unshaped: 2,
      shapes: [
        { shape: 'SELECT b', kind: 'select', count: 2 },
        { shape: 'SELECT a', kind: 'select', count: 1 },
      ],
    });
    expect(tallyQueries(result, { kind: 'select' })).toMatchObject({ total: 5, counted: 3, unshaped: 2 });
    expect(tallyQueries(result, { match: 'select' })).toMatchObject({ total: 5, counted: 3, unshaped: 2 });
  });
});

describe('tallyQueries details per shape', () => {
  it('keeps the distinct labels of a shape, first seen first, at most MAX_LABELS_PER_SHAPE', async () => {
    const labels = ['Order.findMany', 'Order.findMany', 'Order.findFirst', undefined, 'Order.count', 'Order.aggregate'];
    const result = await recordQueries(() => labels.forEach((label) => startQuery({ sql: 'SELECT * FROM orders WHERE id = 1', source: 'test', dialect: 'postgres', label })));
    const [shape] = tallyQueries(result).shapes;
    expect(shape!.labels).toEqual(['Order.findMany', 'Order.findFirst', 'Order.count'].slice(0, MAX_LABELS_PER_SHAPE));
    expect(shape!.count).toBe(6);
  });

  it('points each shape at its first query with a sampled stack (the 3rd run), none for statements that ran less', async () => {
    const tally = tallyQueries(await record(ORDERS));
    const orders = tally.shapes.find((s) => s.shape.includes('orders'));
    const users = tally.shapes.find((s) => s.shape.startsWith('UPDATE'));
    expect(orders!.sampled?.sql).toBe('SELECT * FROM orders WHERE user_id = 3');
    expect(users!.sampled).toBeUndefined();
  });
});
