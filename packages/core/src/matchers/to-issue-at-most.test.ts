import { describe, expect, it } from 'vitest';
import { TRACE_ID, recorded, withoutColours } from '../../test/matcher-helpers.js';
import { startQuery } from '../record/recorder.js';
import { recordQueries } from '../scope/record-queries.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

const ORDERS = [
  'SELECT * FROM orders WHERE user_id = 1',
  'SELECT * FROM items WHERE order_id = 10',
  'SELECT * FROM items WHERE order_id = 11',
  'SELECT * FROM items WHERE order_id = 12',
  'UPDATE users SET seen_at = now() WHERE id = 1',
];

const issue = (sql: string) => startQuery({ sql, source: 'test', dialect: 'postgres' });

describe('toIssueAtMost', () => {
  it('passes at or under the budget', async () => {
    const result = await recorded(ORDERS);
    await expect(result).toIssueAtMost(5);
    await expect(result).toIssueAtMost(100);
    await expect(await recorded([])).toIssueAtMost(0);
  });

  it('fails over the budget, saying by how much and which shapes ran', async () => {
    await expect(withoutColours(expect(await recorded(ORDERS)).toIssueAtMost(2))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueAtMost(2)

      Expected: at most 2 queries
      Received: 5 queries, 3 over budget
      Function: listOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        3 × SELECT * FROM items WHERE order_id = ?
            from test/matcher-helpers.ts:25:31 (traceId)
        1 × SELECT * FROM orders WHERE user_id = ?
        1 × UPDATE users SET seen_at = now() WHERE id = ?]
    `);
  });

  it('names the ORM operation that sent a shape, and where from when the shape repeated', async () => {
    const result = await recordQueries(
      function loadOrders() {
        startQuery({ sql: 'SELECT * FROM "Order" WHERE "customerId" = $1', source: 'prisma', dialect: 'postgres', label: 'Customer.findUnique' });
        for (const id of [1, 2, 3]) startQuery({ sql: `SELECT * FROM "OrderItem" WHERE "orderId" = ${id}`, source: 'prisma', dialect: 'postgres', label: 'OrderItem.findMany' });
      },
      { traceId: TRACE_ID, name: 'loadOrders' },
    );
    await expect(withoutColours(expect(result).toIssueAtMost(2))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueAtMost(2)

      Expected: at most 2 queries
      Received: 4 queries, 2 over budget
      Function: loadOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        3 × SELECT * FROM "OrderItem" WHERE "orderId" = ?
            sent by OrderItem.findMany · from src/matchers/to-issue-at-most.test.ts:48:37 (loadOrders)
        1 × SELECT * FROM "Order" WHERE "customerId" = ?
            sent by Customer.findUnique]
    `);
  });

  it('fails under .not when the scope stayed within the budget', async () => {
    await expect(withoutColours(expect(await recorded(ORDERS)).not.toIssueAtMost(5))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).not.toIssueAtMost(5)

      Expected: more than 5 queries
      Received: 5 queries
      Function: listOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        3 × SELECT * FROM items WHERE order_id = ?
            from test/matcher-helpers.ts:25:31 (traceId)
        1 × SELECT * FROM orders WHERE user_id = ?
        1 × UPDATE users SET seen_at = now() WHERE id = ?]
    `);
  });

  it('passes under .not over the budget', async () => {
    await expect(await recorded(ORDERS)).not.toIssueAtMost(4);
  });

  it('counts only what the filter lets through, and says so', async () => {
    const result = await recorded(ORDERS);
    await expect(result).toIssueAtMost(3, { kind: 'select', match: 'items' });
    await expect(withoutColours(expect(result).toIssueAtMost(1, { kind: 'select', match: /from items/i }))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueAtMost(1)

      Expected: at most 1 query
      Received: 3 select queries matching /from items/i, 2 over budget
      In scope: 5 queries
      Function: listOrders
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        3 × SELECT * FROM items WHERE order_id = ?
            from test/matcher-helpers.ts:25:31 (traceId)]
    `);
  });

  it('runs a received function in its own scope, synchronous or async', async () => {
    await expect(() => {
      issue('SELECT 1');
    }).toIssueAtMost(1);
    await expect(async () => {
      issue('SELECT 1');
      await new Promise((resolve) => setImmediate(resolve));
      issue('SELECT 2');
    }).toIssueAtMost(2);
    await expect(
      withoutColours(
        expect(function loadDashboard() {
          issue('SELECT 1');
          issue('SELECT 2');
        }).toIssueAtMost(1),
      ),
    ).rejects.toThrow(/Function: loadDashboard/);
  });

  it('lets an error of the received function through', async () => {
    const failure = new Error('db down');
    await expect(
      expect(() => {
        throw failure;
      }).toIssueAtMost(1),
    ).rejects.toBe(failure);
  });
});
