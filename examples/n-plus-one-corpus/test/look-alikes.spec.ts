import { findRepeatedStatements, recordQueries } from '@perfgate/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openCorpusDatabase, type CorpusDatabase } from '../src/db.js';
import { batched } from '../src/scenarios/batched.js';
import { dataLoader } from '../src/scenarios/data-loader.js';
import { duplicateStatement } from '../src/scenarios/duplicate-statement.js';
import { keysetPagination } from '../src/scenarios/keyset-pagination.js';
import { offsetPagination } from '../src/scenarios/offset-pagination.js';
import { addOrders } from '../src/seed.js';
import { siteOf } from './support/call-site.js';
import { ORDER_BY_ID_SHAPE } from './support/shapes.js';

// Scenarios that repeat statements, or look as if they should, and are not N+1s.
let database: CorpusDatabase;
beforeAll(async () => {
  database = await openCorpusDatabase();
  await addOrders(database.db, 5);
});
afterAll(() => database.close());

describe('one batched query (order_id = ANY($1))', () => {
  test('passes toHaveNoNPlusOne', async () => {
    await expect(() => batched(database.db)).toHaveNoNPlusOne();
  });
});

describe('a DataLoader-style batch', () => {
  test('passes toHaveNoNPlusOne', async () => {
    await expect(() => dataLoader(database.db)).toHaveNoNPlusOne();
  });

  test('loads the items of all 5 orders with one query', async () => {
    await expect(() => dataLoader(database.db)).toIssueExactly(2);
    const { value: orders } = await recordQueries(() => dataLoader(database.db));
    expect(orders.map((order) => order.items.length)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('pagination', () => {
  test('LIMIT/OFFSET pages until a short one: 3 queries, not an N+1', async () => {
    await expect(() => offsetPagination(database.db)).toIssueExactly(3);
    await expect(() => offsetPagination(database.db)).toHaveNoNPlusOne();
  });

  test('keyset pages (id > $1 ORDER BY id LIMIT $2): 3 queries, not an N+1', async () => {
    await expect(() => keysetPagination(database.db)).toIssueExactly(3);
    await expect(() => keysetPagination(database.db)).toHaveNoNPlusOne();
  });
});

describe('the same statement with the same parameters three times', () => {
  test('passes toHaveNoNPlusOne: a duplicate is reported, not failed, by default', async () => {
    await expect(() => duplicateStatement(database.db)).toHaveNoNPlusOne();
  });

  test('is one duplicate finding at the repeating line', async () => {
    const result = await recordQueries(() => duplicateStatement(database.db));
    const { nPlusOne, duplicates } = findRepeatedStatements(result.queries);
    expect(nPlusOne).toEqual([]);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ type: 'duplicate', shape: ORDER_BY_ID_SHAPE, count: 3, distinctParameters: 1 });
    expect(duplicates[0]!.callSites[0]).toEqual(siteOf('src/scenarios/duplicate-statement.ts', 'duplicate: order-by-id'));
  });

  test("fails toHaveNoNPlusOne with { duplicates: 'fail' }", async () => {
    await expect(() => duplicateStatement(database.db)).not.toHaveNoNPlusOne({ duplicates: 'fail' });
  });
});
