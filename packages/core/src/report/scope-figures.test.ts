import { describe, expect, it } from 'vitest';
import { QueryRecord } from '../record/query-record.js';
import { findRepeatedStatements } from '../analysis/n-plus-one.js';
import { MAX_QUERIES_IN_FIGURE, scopeFigure, type FigureSource } from './scope-figures.js';

const START = performance.now();
const query = (sql: string, values: readonly unknown[], i: number): QueryRecord => {
  const record = new QueryRecord({ sql, values, source: 'pg', dialect: 'postgres' }, 'trace', START + i);
  record.durationMs = 0.25;
  return record;
};

function source(queries: readonly QueryRecord[], count = queries.length, overflow?: Map<string, number>): FigureSource {
  return { kind: 'request', traceId: 'trace', name: 'GET /orders', method: 'GET', path: '/orders', count, queries, overflow, startedAt: performance.timeOrigin + START, endedAt: undefined };
}

describe('scopeFigure', () => {
  it('counts queries by shape, times them from the scope start, and keeps no parameter value', () => {
    const queries = [query('SELECT * FROM orders', [], 0), ...[1, 2, 3].map((id) => query('SELECT * FROM items WHERE order_id = $1', [`secret-${id}`], id))];
    const figure = scopeFigure(source(queries), { root: '/repo', findings: findRepeatedStatements(queries).nPlusOne });
    expect(JSON.stringify(figure)).not.toContain('secret');
    expect({ ...figure, startedAt: 'start', queries: figure.queries.map((q) => `${Math.round(q.startMs)} ms ${q.shape}`) }).toMatchInlineSnapshot(`
      {
        "findings": [
          {
            "allowlisted": false,
            "before": "SELECT * FROM orders",
            "count": 3,
            "distinctParameters": 3,
            "fixHint": "load them in one query (WHERE order_id = ANY($1)) or JOIN them to the query before; in resolvers, batch with a DataLoader",
            "shape": "SELECT * FROM items WHERE order_id = ?",
            "type": "n-plus-one",
          },
        ],
        "kind": "request",
        "method": "GET",
        "name": "GET /orders",
        "path": "/orders",
        "queries": [
          "0 ms SELECT * FROM orders",
          "1 ms SELECT * FROM items WHERE order_id = ?",
          "2 ms SELECT * FROM items WHERE order_id = ?",
          "3 ms SELECT * FROM items WHERE order_id = ?",
        ],
        "queriesOmitted": 0,
        "queryCount": 4,
        "shapes": [
          {
            "count": 3,
            "shape": "SELECT * FROM items WHERE order_id = ?",
          },
          {
            "count": 1,
            "shape": "SELECT * FROM orders",
          },
        ],
        "startedAt": "start",
        "traceId": "trace",
      }
    `);
  });

  it(`lists the first ${MAX_QUERIES_IN_FIGURE} queries and counts the rest, past the record limit included`, () => {
    const queries = Array.from({ length: MAX_QUERIES_IN_FIGURE + 5 }, (_, i) => query('SELECT $1::int', [i], i));
    const figure = scopeFigure(source(queries, queries.length + 10, new Map([['SELECT $1::int', 10]])), { root: '/repo' });
    expect([figure.queryCount, figure.queries.length, figure.queriesOmitted, figure.shapes]).toEqual([MAX_QUERIES_IN_FIGURE + 15, MAX_QUERIES_IN_FIGURE, 15, [{ shape: 'SELECT ?::int', count: MAX_QUERIES_IN_FIGURE + 15 }]]);
  });
});
