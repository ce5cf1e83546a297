import { describe, expect, it } from 'vitest';
import { QueryRecord, type QueryInput } from '../record/query-record.js';
import { groupByShape } from './statement-groups.js';

const record = (sql: string, extra: Partial<QueryInput> = {}) => new QueryRecord({ sql, source: 'test', dialect: 'postgres', ...extra }, 'a'.repeat(32), 0);

describe('groupByShape', () => {
  it('merges texts of one shape in the scope’s order, with their positions, shapes in order of first execution', () => {
    const queries = [
      record('SELECT * FROM items WHERE id IN (1, 2)'),
      record('SELECT * FROM orders WHERE id = $1'),
      record('SELECT * FROM items WHERE id IN (3)'),
      record('SELECT * FROM items WHERE id IN (1, 2)'),
    ];
    const { groups, counts } = groupByShape(queries);
    expect(groups.map((g) => [g.shape, g.positions])).toEqual([
      ['SELECT * FROM items WHERE id IN (...)', [0, 2, 3]],
      ['SELECT * FROM orders WHERE id = ?', [1]],
    ]);
    expect(groups[0]!.queries).toEqual([queries[0], queries[2], queries[3]]);
    expect(counts.get('SELECT * FROM items WHERE id IN (...)')).toBe(3);
  });

  it('counts transaction control without grouping it, and keeps one text in two dialects apart', () => {
    // In MySQL "x" is a string; in PostgreSQL, a column.
    const text = 'SELECT * FROM t WHERE name = "x"';
    const queries = [record('BEGIN'), record(text, { dialect: 'mysql' }), record(text), record('COMMIT')];
    const { groups, counts } = groupByShape(queries);
    expect(groups.map((g) => [g.shape, g.positions])).toEqual([
      ['SELECT * FROM t WHERE name = ?', [1]],
      ['SELECT * FROM t WHERE name = "x"', [2]],
    ]);
    expect([counts.get('BEGIN'), counts.get('COMMIT')]).toEqual([1, 1]);
  });
});
