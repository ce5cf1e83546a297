import { describe, expect, it } from 'vitest';
import { siteOf, withSiteNames } from '../../test/call-sites.js';
import { failureMessage } from '../../test/matcher-helpers.js';
import { perfgateRejectionOf } from '../../test/rejection-of.js';
import { PerfgateError } from '../errors.js';
import { startQuery } from '../record/recorder.js';
import { perfgateMatchers } from './index.js';

expect.extend(perfgateMatchers);

// A stubbed driver and a fake table: `populate(n)` seeds n orders, the work lists them.
let orders: number[] = [];

function send(sql: string, values?: readonly unknown[]): void {
  startQuery({ sql, values, source: 'test', dialect: 'postgres' });
}

function loadItems(orderId: number): void {
  startQuery({ sql: 'SELECT * FROM items WHERE order_id = $1', values: [orderId], source: 'test', dialect: 'postgres' }); // @loadItems
}

function listOrdersWithItems(): void {
  send('SELECT * FROM users WHERE id = $1', [1]);
  send('SELECT * FROM orders WHERE user_id = $1', [1]);
  for (const id of orders) loadItems(id);
}

function listOrdersJoined(): void {
  send('SELECT * FROM users WHERE id = $1', [1]);
  send('SELECT o.*, i.* FROM orders o JOIN items i ON i.order_id = o.id WHERE o.user_id = $1', [1]);
}

const SITES = { loadItems: siteOf(import.meta.url, 'loadItems', 'startQuery(') };

/** populate/cleanup that seed the fake table and log their calls, with the work's, in `calls`. */
function fixture() {
  const calls: string[] = [];
  return {
    calls,
    populate: (n: number) => {
      calls.push(`populate(${n})`);
      orders = Array.from({ length: n }, (_, i) => i + 1);
    },
    cleanup: (n: number) => {
      calls.push(`cleanup(${n})`);
      orders = [];
    },
    logged:
      (work: () => void) =>
      (n: number): void => {
        calls.push(`work(${n})`);
        work();
      },
  };
}

describe('toIssueConstantQueries', () => {
  it('passes when no statement runs more often with more data, populating and cleaning up around each run', async () => {
    const { calls, populate, cleanup, logged } = fixture();
    await expect(logged(listOrdersJoined)).toIssueConstantQueries({ populate, cleanup });
    expect(calls).toEqual(['populate(2)', 'work(2)', 'cleanup(2)', 'populate(5)', 'work(5)', 'cleanup(5)']);
  });

  it('runs each scale once, smallest first', async () => {
    const { calls, populate, logged } = fixture();
    await expect(logged(listOrdersJoined)).toIssueConstantQueries({ populate, scales: [10, 0, 10, 3] });
    expect(calls).toEqual(['populate(0)', 'work(0)', 'populate(3)', 'work(3)', 'populate(10)', 'work(10)']);
  });

  it('fails when a statement grows with the data, naming its line', async () => {
    const { calls, populate, cleanup } = fixture();
    const message = await failureMessage(expect(listOrdersWithItems).toIssueConstantQueries({ populate, cleanup, scales: [1, 4] }));
    expect(withSiteNames(message, SITES)).toMatchInlineSnapshot(`
      "expect(received).toIssueConstantQueries()

      Expected: the same number of each statement at n = 1, 4
      Received: 1 statement shape grew with n (3 → 6 queries in all)
      Function: listOrdersWithItems

      Grew with n:
        SELECT * FROM items WHERE order_id = ?: 1 at n=1, 4 at n=4
          from <loadItems> (loadItems)

      Did not grow:
        1 × SELECT * FROM users WHERE id = ?
        1 × SELECT * FROM orders WHERE user_id = ?

      Trace-ids:
        n=1: <trace-id>
        n=4: <trace-id>"
    `);
    expect(calls).toEqual(['populate(1)', 'cleanup(1)', 'populate(4)', 'cleanup(4)']);
  });

  it('fails under .not when every statement is constant', async () => {
    const { calls, populate, cleanup, logged } = fixture();
    const message = await failureMessage(expect(logged(listOrdersJoined)).not.toIssueConstantQueries({ populate, cleanup }));
    expect(calls).toEqual(['populate(2)', 'work(2)', 'cleanup(2)', 'populate(5)', 'work(5)', 'cleanup(5)']);
    expect(message).toMatchInlineSnapshot(`
      "expect(received).not.toIssueConstantQueries()

      Expected: a statement that runs more often as the data grows (n = 2, 5)
      Received: every statement constant (2 queries at each scale)
      Function: anonymous function

      Did not grow:
        1 × SELECT * FROM users WHERE id = ?
        1 × SELECT o.*, i.* FROM orders o JOIN items i ON i.order_id = o.id WHERE o.user_id = ?

      Trace-ids:
        n=2: <trace-id>
        n=5: <trace-id>"
    `);
  });

  it('cleans up even when the work throws, and lets its error through', async () => {
    const { calls, populate, cleanup } = fixture();
    const failure = new Error('db down');
    const work = (n: number) => {
      if (n === 5) throw failure;
    };
    await expect(expect(work).toIssueConstantQueries({ populate, cleanup })).rejects.toBe(failure);
    expect(calls).toEqual(['populate(2)', 'cleanup(2)', 'populate(5)', 'cleanup(5)']);
  });

  it('rejects with a PerfgateError naming the hook that threw, caused by its error', async () => {
    const failure = new Error('seed failed');
    const { calls, cleanup } = fixture();
    const populate = (n: number) => {
      calls.push(`populate(${n})`);
      throw failure;
    };
    const error = await expect(listOrdersJoined).toIssueConstantQueries({ populate, cleanup }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PerfgateError);
    expect(error).toMatchObject({ code: 'HOOK_FAILED', message: 'toIssueConstantQueries: populate(2) threw: Error: seed failed', cause: failure });
    expect(calls).toEqual(['populate(2)']);
  });

  it('rejects bad options and a received value that is not a function, before running anything', async () => {
    const { populate } = fixture();
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({ populate, scale: [2, 5] } as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: unknown option "scale"; the options are "populate", "cleanup", "scales"."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({ populate, scales: [3, 3] }), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: option "scales" must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]; received an array [3, 3]."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({ populate, scales: [5] }), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: option "scales" must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]; received an array [5]."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({ populate, scales: [-1, 2] }), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: option "scales" must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]; received an array [-1, 2]."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({ populate, cleanup: 'truncate' } as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: option "cleanup" must be a function; received the string "truncate"."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries(undefined as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: needs { populate: (n) => … } to seed the data for each scale."`);
    expect(await perfgateRejectionOf(() => expect(listOrdersJoined).toIssueConstantQueries({} as never), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: needs { populate: (n) => … } to seed the data for each scale."`);
    expect(await perfgateRejectionOf(() => expect(Promise.resolve()).toIssueConstantQueries({ populate }), 'INVALID_OPTIONS')).toMatchInlineSnapshot(`"toIssueConstantQueries: expect() must receive a function that does the work, like () => request(app).get('/orders'); received a promise (already running, so perfgate cannot scope it)."`);
  });
});
