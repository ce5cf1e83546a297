import { findRepeatedStatements, recordQueries, type RepeatAnalysis } from '@perfgate/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openCorpusDatabase, type CorpusDatabase, type Db } from '../src/db.js';
import { lazyLoading } from '../src/scenarios/lazy-loading.js';
import { loopInPromiseAll } from '../src/scenarios/loop-in-promise-all.js';
import { loopOverRows } from '../src/scenarios/loop-over-rows.js';
import { loopThroughHelper } from '../src/scenarios/loop-through-helper.js';
import { nestedLoops } from '../src/scenarios/nested-loops.js';
import { nextRowPerRow } from '../src/scenarios/next-row-per-row.js';
import { sameStatementTwoLoops } from '../src/scenarios/same-statement-two-loops.js';
import { twoLoopsOneTable } from '../src/scenarios/two-loops-one-table.js';
import { addOrders } from '../src/seed.js';
import { siteOf } from './support/call-site.js';
import { ITEMS_BY_ORDER_SHAPE, ITEMS_BY_SKU_SHAPE, ORDERS_SHAPE, PRODUCT_BY_ID_SHAPE, PRODUCTS_SHAPE } from './support/shapes.js';

// 5 orders with 2 items each, over 4 products.
let database: CorpusDatabase;
beforeAll(async () => {
  database = await openCorpusDatabase();
  await addOrders(database.db, 5);
});
afterAll(() => database.close());

/**
 * Records one run of `scenario` and analyses it as toHaveNoNPlusOne does.
 * The matcher also judges the recorded scope, so the plugin's N+1 gate
 * (which checks scopes no N+1 matcher judged) leaves it to this spec.
 */
async function analyse(scenario: (db: Db) => Promise<unknown>): Promise<RepeatAnalysis> {
  const result = await recordQueries(() => scenario(database.db));
  await expect(result).not.toHaveNoNPlusOne();
  return findRepeatedStatements(result.queries);
}

describe('a for…of loop over rows', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => loopOverRows(database.db)).not.toHaveNoNPlusOne();
  });

  test('is one N+1 of 5 item queries, at the looped line, after the orders select', async () => {
    const { nPlusOne, duplicates } = await analyse(loopOverRows);
    expect(nPlusOne).toHaveLength(1);
    expect(nPlusOne[0]).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, kind: 'select', count: 5, distinctParameters: 5, before: ORDERS_SHAPE });
    expect(nPlusOne[0]!.callSites[0]).toEqual(siteOf('src/scenarios/loop-over-rows.ts', 'N+1: items-by-order'));
    expect(duplicates).toEqual([]);
  });
});

describe('a loop inside Promise.all', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => loopInPromiseAll(database.db)).not.toHaveNoNPlusOne();
  });

  test('is one N+1 at the line inside the async callback', async () => {
    const { nPlusOne } = await analyse(loopInPromiseAll);
    expect(nPlusOne).toHaveLength(1);
    expect(nPlusOne[0]).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5, distinctParameters: 5, before: ORDERS_SHAPE });
    expect(nPlusOne[0]!.callSites[0]).toEqual(siteOf('src/scenarios/loop-in-promise-all.ts', 'N+1: items-in-promise-all'));
  });
});

describe('nested loops (orders → items → product per item)', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => nestedLoops(database.db)).not.toHaveNoNPlusOne();
  });

  test('are two N+1s, each at its own line', async () => {
    const { nPlusOne, duplicates } = await analyse(nestedLoops);
    expect(nPlusOne).toHaveLength(2);
    const [products, items] = nPlusOne;
    expect(products).toMatchObject({ shape: PRODUCT_BY_ID_SHAPE, count: 10, distinctParameters: 4, before: undefined });
    expect(products!.callSites[0]).toEqual(siteOf('src/scenarios/nested-loops.ts', 'N+1: nested-products'));
    expect(items).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5, distinctParameters: 5, before: ORDERS_SHAPE });
    expect(items!.callSites[0]).toEqual(siteOf('src/scenarios/nested-loops.ts', 'N+1: nested-items'));
    // 10 items share 4 products, so every product query repeats another's parameters too.
    expect(duplicates).toMatchObject([{ type: 'duplicate', shape: PRODUCT_BY_ID_SHAPE, count: 10 }]);
  });
});

describe('a loop calling a helper from another file', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => loopThroughHelper(database.db)).not.toHaveNoNPlusOne();
  });

  test("is one N+1 at the helper's query line, via the loop's line", async () => {
    const { nPlusOne } = await analyse(loopThroughHelper);
    expect(nPlusOne).toHaveLength(1);
    expect(nPlusOne[0]).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5, before: ORDERS_SHAPE });
    const [site, via] = nPlusOne[0]!.callSites;
    expect(site).toEqual(siteOf('src/repository/load-items.ts', 'N+1: load-items'));
    expect(via).toEqual(siteOf('src/scenarios/loop-through-helper.ts', 'via: loop-through-helper'));
  });
});

describe('two loops over one table with different statements', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => twoLoopsOneTable(database.db)).not.toHaveNoNPlusOne();
  });

  test('are two N+1s at two lines, each after its own select', async () => {
    const { nPlusOne } = await analyse(twoLoopsOneTable);
    expect(nPlusOne).toHaveLength(2);
    const [byOrder, bySku] = nPlusOne;
    expect(byOrder).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5, before: ORDERS_SHAPE });
    expect(byOrder!.callSites[0]).toEqual(siteOf('src/scenarios/two-loops-one-table.ts', 'N+1: items-by-order-id'));
    expect(bySku).toMatchObject({ shape: ITEMS_BY_SKU_SHAPE, count: 4, distinctParameters: 4, before: PRODUCTS_SHAPE });
    expect(bySku!.callSites[0]).toEqual(siteOf('src/scenarios/two-loops-one-table.ts', 'N+1: items-by-sku'));
  });
});

describe('lazy loading that defers each query to the event loop', () => {
  test('fails toHaveNoNPlusOne', async () => {
    await expect(() => lazyLoading(database.db)).not.toHaveNoNPlusOne();
  });

  // No frame of user code is on a deferred query's stack (see src/fake-orm),
  // so perfgate cannot name `await order.items.load()`: it groups by shape alone.
  test('is one N+1 with no call site, grouped by statement shape', async () => {
    const { nPlusOne } = await analyse(lazyLoading);
    expect(nPlusOne).toHaveLength(1);
    expect(nPlusOne[0]).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5, distinctParameters: 5, before: ORDERS_SHAPE, callSites: [] });
    // Stacks were sampled (the 3rd to 5th runs); none reached this package's code.
    expect(nPlusOne[0]!.sampledStacks).toBe(3);
  });
});

// Look-alikes that are N+1s all the same: one statement from two loops, and a
// per-row lookup shaped like keyset pagination.
describe('look-alikes that are N+1s', () => {
  test('one statement from two loops fails toHaveNoNPlusOne', async () => {
    await expect(() => sameStatementTwoLoops(database.db)).not.toHaveNoNPlusOne();
  });

  test("the keyset-like lookup finds each order's next order of the same customer", async () => {
    expect(await nextRowPerRow(database.db)).toEqual(new Map([[1, 3], [2, 4], [3, 5], [4, undefined], [5, undefined]]));
  });

  // The 2nd–8th run of a statement in a scope all get a stack, so two short
  // loops running one statement are told apart.
  test('one statement from two loops is two N+1s, one per line', async () => {
    const { nPlusOne, duplicates } = await analyse(sameStatementTwoLoops);
    expect(nPlusOne).toHaveLength(2);
    const [first, second] = nPlusOne;
    expect(first).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 5 });
    expect(first!.callSites[0]).toEqual(siteOf('src/scenarios/same-statement-two-loops.ts', 'N+1: first-loop'));
    expect(second).toMatchObject({ shape: ITEMS_BY_ORDER_SHAPE, count: 3 });
    expect(second!.callSites[0]).toEqual(siteOf('src/scenarios/same-statement-two-loops.ts', 'N+1: second-loop'));
    expect(duplicates).toEqual([]);
  });

  // `WHERE … id > ? ORDER BY id LIMIT ?` is keyset pagination's shape, but a
  // "page" of one row per row (LIMIT 1) is a lookup per row.
  test('a per-row lookup shaped like keyset pagination is an N+1', async () => {
    await expect(() => nextRowPerRow(database.db)).not.toHaveNoNPlusOne();
  });
});
