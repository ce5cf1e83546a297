import { describe, expect, it } from 'vitest';
import { recorded, withoutColours } from '../../test/matcher-helpers.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

const CHECKOUT = ['INSERT INTO orders (user_id) VALUES (1) RETURNING id', 'INSERT INTO items (order_id, sku) VALUES (7, 1), (7, 2)', 'SELECT * FROM users WHERE id = 1'];

describe('toIssueExactly', () => {
  it('passes on the exact count', async () => {
    await expect(await recorded(CHECKOUT, 'checkout')).toIssueExactly(3);
    await expect(await recorded(CHECKOUT, 'checkout')).toIssueExactly(2, { kind: 'insert' });
    await expect(await recorded([], 'checkout')).toIssueExactly(0);
  });

  it('fails on more queries than expected', async () => {
    await expect(withoutColours(expect(await recorded(CHECKOUT, 'checkout')).toIssueExactly(1))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueExactly(1)

      Expected: exactly 1 query
      Received: 3 queries, 2 more than expected
      Function: checkout
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        1 × INSERT INTO orders (user_id) VALUES (?) RETURNING id
        1 × INSERT INTO items (order_id, sku) VALUES (?, ?)
        1 × SELECT * FROM users WHERE id = ?]
    `);
  });

  it('fails on fewer queries than expected', async () => {
    await expect(withoutColours(expect(await recorded(CHECKOUT, 'checkout')).toIssueExactly(5))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueExactly(5)

      Expected: exactly 5 queries
      Received: 3 queries, 2 fewer than expected
      Function: checkout
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        1 × INSERT INTO orders (user_id) VALUES (?) RETURNING id
        1 × INSERT INTO items (order_id, sku) VALUES (?, ?)
        1 × SELECT * FROM users WHERE id = ?]
    `);
  });

  it('fails under .not on the exact count', async () => {
    await expect(withoutColours(expect(await recorded(CHECKOUT, 'checkout')).not.toIssueExactly(3))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).not.toIssueExactly(3)

      Expected: not exactly 3 queries
      Received: 3 queries
      Function: checkout
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        1 × INSERT INTO orders (user_id) VALUES (?) RETURNING id
        1 × INSERT INTO items (order_id, sku) VALUES (?, ?)
        1 × SELECT * FROM users WHERE id = ?]
    `);
  });

  it('passes under .not on any other count', async () => {
    await expect(await recorded(CHECKOUT, 'checkout')).not.toIssueExactly(2);
    await expect(await recorded(CHECKOUT, 'checkout')).not.toIssueExactly(4);
  });

  it('#11.12 prints a budget of -0 as 0', async () => {
    await expect(withoutColours(expect(await recorded(CHECKOUT, 'checkout')).toIssueExactly(-0))).rejects.toThrow(/^expect\(received\)\.toIssueExactly\(0\)\n\nExpected: exactly 0 queries\nReceived: 3 queries, 3 more than expected\n/);
  });
});
