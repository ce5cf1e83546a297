import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { siteOf } from '../../test/call-sites.js';
import { plainIdentifier } from '../../test/sql-arbitraries.js';
import { startQuery } from '../record/recorder.js';
import { getRuntime } from '../runtime.js';
import { recordQueries } from '../scope/record-queries.js';
import { DEFAULT_N_PLUS_ONE_THRESHOLD, findRepeatedStatements, isPagination } from './n-plus-one.js';

const ITEMS_BY_ORDER = 'SELECT * FROM items WHERE order_id = $1';
const ORDER_BY_ID = 'SELECT * FROM orders WHERE id = $1';
const LINE_ITEMS = 'SELECT * FROM line_items WHERE order_id = $1';

// Each statement is sent from a line of its own, so a finding's call site is known.
function loadItems(orderIds: readonly unknown[]): void {
  for (const id of orderIds) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'test', dialect: 'postgres' }); // @loadItems
}

function loadItemsAgain(orderIds: readonly unknown[]): void {
  for (const id of orderIds) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'test', dialect: 'postgres' }); // @loadItemsAgain
}

function loadOrder(id: unknown): void {
  startQuery({ sql: ORDER_BY_ID, values: [id], source: 'test', dialect: 'postgres' }); // @loadOrder
}

function send(sql: string, values?: readonly unknown[]): void {
  startQuery({ sql, values, source: 'test', dialect: 'postgres' }); // @send
}

function fetchLineItem(orderId: number, inline: boolean): void {
  startQuery(inline ? { sql: `SELECT * FROM line_items WHERE order_id = ${orderId}`, source: 'test', dialect: 'postgres' } : { sql: LINE_ITEMS, values: [orderId], source: 'test', dialect: 'postgres' }); // @fetchLineItem
}

function sendUnrelated(sql: string): void {
  startQuery({ sql, source: 'test', dialect: 'postgres' }); // @sendUnrelated
}

const at = (marker: string, functionName: string) => ({ ...siteOf(import.meta.url, marker, 'startQuery('), functionName });
const SITES = {
  loadItems: at('loadItems', 'loadItems'),
  loadItemsAgain: at('loadItemsAgain', 'loadItemsAgain'),
  send: at('send', 'send'),
  fetchLineItem: at('fetchLineItem', 'fetchLineItem'),
};

const analyse = async (work: () => void, threshold?: number) => findRepeatedStatements((await recordQueries(work)).queries, { threshold });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
});

describe('findRepeatedStatements: N+1', () => {
  it(`reports a shape run from one call site with ${DEFAULT_N_PLUS_ONE_THRESHOLD} or more different parameter sets`, async () => {
    expect(await analyse(() => loadItems([1, 2]))).toEqual({ nPlusOne: [], duplicates: [] });

    const result = await recordQueries(() => loadItems([1, 2, 3]));
    const { nPlusOne, duplicates } = findRepeatedStatements(result.queries);
    expect(duplicates).toEqual([]);
    expect(nPlusOne).toHaveLength(1);
    expect(nPlusOne[0]).toEqual({
      type: 'n-plus-one',
      shape: 'SELECT * FROM items WHERE order_id = ?',
      kind: 'select',
      count: 3,
      distinctParameters: 3,
      callSites: [SITES.loadItems, expect.objectContaining({ file: SITES.loadItems.file })],
      sampledStacks: 1,
      before: undefined,
      dialect: 'postgres',
      first: result.queries[0],
      pastRecordLimit: 0,
      orm: undefined,
    });
  });

  it('#11.12 counts the runs past the record limit in the N+1 of their shape: the true count, not the limit', async () => {
    getRuntime().settings.maxQueriesPerScope = 100;
    const result = await recordQueries(() => loadItems(range(1, 20_000)));
    expect(result.count).toBe(20_000);
    const [finding] = findRepeatedStatements(result.queries, { overflow: result.overflow }).nPlusOne;
    expect(finding).toMatchObject({ count: 20_000, pastRecordLimit: 19_900, distinctParameters: 100 });
    // Without the overflow the analysis sees only what was kept.
    expect(findRepeatedStatements(result.queries).nPlusOne[0]).toMatchObject({ count: 100, pastRecordLimit: 0 });
  });

  it('#11.12 says which ORM sent a finding: its adapter, or its package in a sampled stack', async () => {
    const viaAdapter = await recordQueries(() => {
      for (const id of [1, 2, 3]) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'knex', dialect: 'postgres', label: 'items.select' });
    });
    expect(findRepeatedStatements(viaAdapter.queries).nPlusOne[0]?.orm).toBe('knex');
    const typeormFrame = { stack: 'Error\n    at PostgresQueryRunner.query (/app/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:211:50)\n    at loadTags (/app/src/tags.ts:9:5)' };
    const viaStack = await recordQueries(() => {
      for (const id of [1, 2, 3]) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'pg', dialect: 'postgres', stack: typeormFrame });
    });
    expect(findRepeatedStatements(viaStack.queries).nPlusOne[0]?.orm).toBe('typeorm');
    // Under jest TypeORM's source maps take node_modules out of its frames (examples/nest-typeorm): its class names remain.
    const mapped = { stack: 'Error: \n    at Client.query (/app/node_modules/pg/lib/client.js:55:63)\n    at PostgresQueryRunner.query (/app/src/driver/postgres/PostgresQueryRunner.ts:254:50)\n    at async SelectQueryBuilder.getOne (/app/src/query-builder/SelectQueryBuilder.ts:1644:25)\n    at async TagsService.findOrCreateOneByOne (/app/src/articles/tags.service.ts:28:19)' };
    const viaMappedStack = await recordQueries(() => {
      for (const id of [1, 2, 3]) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'pg', dialect: 'postgres', stack: mapped });
    });
    expect(findRepeatedStatements(viaMappedStack.queries).nPlusOne[0]?.orm).toBe('typeorm');
    const drizzle = { stack: 'Error: \n    at NodePgPreparedQuery.execute (/app/src/node-postgres/session.ts:84:20)\n    at async listItems (/app/src/items.ts:9:5)' };
    const viaDrizzle = await recordQueries(() => {
      for (const id of [1, 2, 3]) startQuery({ sql: ITEMS_BY_ORDER, values: [id], source: 'pg', dialect: 'postgres', stack: drizzle });
    });
    expect(findRepeatedStatements(viaDrizzle.queries).nPlusOne[0]?.orm).toBe('drizzle');
    expect(findRepeatedStatements((await recordQueries(() => loadItems([1, 2, 3]))).queries).nPlusOne[0]?.orm).toBeUndefined();
  });

  it('takes a custom threshold', async () => {
    const five = () => loadItems([1, 2, 3, 4, 5]);
    expect((await analyse(five, 6)).nPlusOne).toEqual([]);
    expect((await analyse(five, 5)).nPlusOne).toMatchObject([{ count: 5, distinctParameters: 5 }]);
    expect((await analyse(() => loadItems([1, 2]), 2)).nPlusOne).toMatchObject([{ count: 2, distinctParameters: 2 }]);
  });

  it('counts different parameter sets only: the same statement run again is a duplicate', async () => {
    expect(await analyse(() => loadItems([7, 7, 7]))).toMatchObject({
      nPlusOne: [],
      duplicates: [{ type: 'duplicate', shape: 'SELECT * FROM items WHERE order_id = ?', count: 3, distinctParameters: 1, callSites: [SITES.loadItems, {}], before: undefined }],
    });
    expect(await analyse(() => loadItems([1, 1, 2, 2]))).toMatchObject({ nPlusOne: [], duplicates: [{ count: 4, distinctParameters: 2 }] });
  });

  it('reports one group as an N+1 and as duplicates when some of its parameter sets repeat', async () => {
    const { nPlusOne, duplicates } = await analyse(() => loadItems([1, 2, 3, 1, 1, 2]));
    expect(nPlusOne).toMatchObject([{ type: 'n-plus-one', count: 6, distinctParameters: 3, callSites: [SITES.loadItems, {}] }]);
    // 1 three times and 2 twice: five executions ran with parameters already used.
    expect(duplicates).toMatchObject([{ type: 'duplicate', count: 5, distinctParameters: 3, callSites: [SITES.loadItems, {}] }]);
  });

  it('compares the SQL text when the literals were inlined', async () => {
    const { nPlusOne, duplicates } = await analyse(() => {
      for (const id of [1, 2, 3, 4]) send(`SELECT * FROM users WHERE id = ${id}`);
      for (let i = 0; i < 3; i++) send("SELECT * FROM flags WHERE name = 'beta'");
    });
    expect(nPlusOne).toMatchObject([{ shape: 'SELECT * FROM users WHERE id = ?', count: 4, distinctParameters: 4, callSites: [SITES.send, {}] }]);
    expect(duplicates).toMatchObject([{ shape: 'SELECT * FROM flags WHERE name = ?', count: 3, distinctParameters: 1 }]);
  });

  it('never counts transaction control', async () => {
    const { nPlusOne, duplicates } = await analyse(() => {
      for (const id of [1, 2, 3, 4]) {
        send('BEGIN');
        send(`SAVEPOINT sp_${id}`);
        send('UPDATE accounts SET seen = now() WHERE id = $1', [id]);
        send(`RELEASE SAVEPOINT sp_${id}`);
        send('COMMIT');
      }
    });
    expect(nPlusOne.map((f) => [f.shape, f.kind, f.count])).toEqual([['UPDATE accounts SET seen = now() WHERE id = ?', 'update', 4]]);
    expect(duplicates).toEqual([]);
  });

  it('does not take paging through a result for an N+1, but a LIMIT 1 lookup per row is one', async () => {
    const { nPlusOne } = await analyse(() => {
      for (const offset of [0, 20, 40]) send('SELECT * FROM orders ORDER BY id LIMIT $1 OFFSET $2', [20, offset]);
      for (const after of [0, 20, 40]) send('SELECT * FROM orders WHERE id > $1 ORDER BY id LIMIT 20', [after]);
      for (const userId of [1, 2, 3]) send('SELECT * FROM addresses WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId]);
    });
    expect(nPlusOne.map((f) => f.shape)).toEqual(['SELECT * FROM addresses WHERE user_id = ? ORDER BY created_at DESC LIMIT ?']);
  });

  it('gives each call site of one shape its own finding', async () => {
    const { nPlusOne } = await analyse(() => {
      loadItems([1, 2, 3]);
      loadItemsAgain([4, 5, 6]);
    });
    expect(nPlusOne.map((f) => [f.count, f.callSites[0]])).toEqual([
      [3, SITES.loadItems],
      [3, SITES.loadItemsAgain],
    ]);
  });

  it('attributes the executions without a stack to the call site of their sampled neighbour', async () => {
    const result = await recordQueries(() => loadItems(range(1, 10)));
    // The recorder samples the 3rd–8th occurrence (then the 16th, 32nd…); the 2nd only when it repeats the 1st exactly.
    expect(result.queries.map((q) => q.stack !== undefined)).toEqual([false, false, true, true, true, true, true, true, false, false]);
    expect(result.queries[0]!.callSites).toEqual([]);
    expect(findRepeatedStatements(result.queries).nPlusOne).toMatchObject([{ count: 10, distinctParameters: 10, sampledStacks: 6, callSites: [SITES.loadItems, {}], first: result.queries[0] }]);
  });

  it('tells two loops of one statement apart while they are sampled densely', async () => {
    // Occurrences 1–5 come from loadItems, 6–13 from loadItemsAgain: the 2nd–8th all carry stacks.
    const { nPlusOne, duplicates } = await analyse(() => {
      loadItems(range(1, 5));
      loadItemsAgain(range(6, 13));
    });
    expect(nPlusOne.map((f) => [f.count, f.callSites[0]])).toEqual([
      [8, SITES.loadItemsAgain],
      [5, SITES.loadItems],
    ]);
    expect(duplicates).toEqual([]);
  });

  it('past dense sampling, attributes an unsampled execution to the sampled one before it, even across a change of call site', async () => {
    // Occurrences 1–12 come from loadItems, 13–20 from loadItemsAgain; the 13th–15th carry no stack
    // and are counted at loadItems, the site of the 8th, until the 16th names loadItemsAgain.
    const { nPlusOne } = await analyse(() => {
      loadItems(range(1, 12));
      loadItemsAgain(range(13, 20));
    });
    expect(nPlusOne.map((f) => [f.count, f.sampledStacks, f.callSites[0]])).toEqual([
      [15, 6, SITES.loadItems],
      [5, 1, SITES.loadItemsAgain],
    ]);
  });

  it('names the single select that ran just before the loop', async () => {
    const { nPlusOne } = await analyse(() => {
      loadOrder(1);
      loadItems([1, 2, 3]);
    });
    expect(nPlusOne).toMatchObject([{ before: 'SELECT * FROM orders WHERE id = ?' }]);
  });

  it('names no "before" when that select also runs elsewhere in the scope, or is not a select', async () => {
    const repeated = await analyse(() => {
      loadOrder(1);
      loadItems([1, 2, 3]);
      loadOrder(2);
    });
    expect(repeated.nPlusOne).toMatchObject([{ shape: 'SELECT * FROM items WHERE order_id = ?', before: undefined }]);
    const afterInsert = await analyse(() => {
      send('INSERT INTO audit (event) VALUES ($1)', ['list']);
      loadItems([1, 2, 3]);
    });
    expect(afterInsert.nPlusOne).toMatchObject([{ before: undefined }]);
  });

  it('lists findings with the most executions first', async () => {
    const { nPlusOne, duplicates } = await analyse(() => {
      loadItems([1, 2, 3]);
      for (const id of range(1, 5)) send('SELECT * FROM users WHERE id = $1', [id]);
      for (let i = 0; i < 2; i++) send('SELECT * FROM settings');
      for (let i = 0; i < 4; i++) send('SELECT * FROM features');
    });
    expect(nPlusOne.map((f) => [f.count, f.shape])).toEqual([
      [5, 'SELECT * FROM users WHERE id = ?'],
      [3, 'SELECT * FROM items WHERE order_id = ?'],
    ]);
    expect(duplicates.map((f) => [f.count, f.shape])).toEqual([
      [4, 'SELECT * FROM features'],
      [2, 'SELECT * FROM settings'],
    ]);
  });

  it('groups by shape alone, with no call sites, when call sites are off', async () => {
    getRuntime().settings.callSites = false;
    const { nPlusOne } = await analyse(() => {
      loadItems([1, 2, 3]);
      loadItemsAgain([4, 5, 6]);
    });
    expect(nPlusOne).toMatchObject([{ count: 6, distinctParameters: 6, callSites: [], sampledStacks: 0 }]);
  });

  it('finds exactly the loop among unrelated statements, at the loop’s line', async () => {
    const plan = fc
      .integer({ min: 2, max: 6 })
      .chain((threshold) =>
        fc.record({
          threshold: fc.constant(threshold),
          inline: fc.boolean(),
          values: fc.uniqueArray(fc.nat(), { minLength: threshold, maxLength: 40 }),
          unrelated: fc.uniqueArray(plainIdentifier, { maxLength: 12, selector: (name) => name.toLowerCase() }),
          verbs: fc.array(fc.constantFrom('select', 'update', 'insert'), { minLength: 12, maxLength: 12 }),
          slots: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        }),
      );
    const unrelatedSql = (verb: string, name: string, n: number) =>
      verb === 'select' ? `SELECT * FROM u_${name} WHERE id = ${n}` : verb === 'update' ? `UPDATE u_${name} SET n = ${n}` : `INSERT INTO u_${name} (n) VALUES (${n})`;

    await fc.assert(
      fc.asyncProperty(plan, async ({ threshold, inline, values, unrelated, verbs, slots }) => {
        const k = values.length;
        // At threshold 2 the plugin turns on sampleSecondRun, so a loop of two runs gets its line.
        getRuntime().settings.sampleSecondRun = threshold <= 2;
        // Unrelated statement j runs just before loop iteration slots[j] mod (k + 1) (k: after the loop).
        const before = (i: number) => unrelated.flatMap((name, j) => (slots[j]! % (k + 1) === i ? [unrelatedSql(verbs[j]!, name, j)] : []));
        const { nPlusOne, duplicates } = await analyse(() => {
          values.forEach((value, i) => {
            before(i).forEach(sendUnrelated);
            fetchLineItem(value, inline);
          });
          before(k).forEach(sendUnrelated);
        }, threshold);
        expect(duplicates).toEqual([]);
        expect(nPlusOne).toHaveLength(1);
        expect(nPlusOne[0]).toMatchObject({ shape: 'SELECT * FROM line_items WHERE order_id = ?', count: k, distinctParameters: k });
        expect(nPlusOne[0]!.callSites[0]).toEqual(SITES.fetchLineItem);
      }),
      { numRuns: 100 },
    );
    getRuntime().settings.sampleSecondRun = false;
  });

  it('finds nothing in a scope where no shape repeats', async () => {
    const statements = fc.uniqueArray(fc.tuple(plainIdentifier, fc.constantFrom('select', 'update', 'delete'), fc.nat()), { maxLength: 30, selector: ([name]) => name.toLowerCase() });
    await fc.assert(
      fc.asyncProperty(statements, async (list) => {
        const result = await analyse(() => {
          for (const [name, verb, n] of list) {
            if (verb === 'select') send(`SELECT * FROM t_${name} WHERE id = $1`, [n]);
            else if (verb === 'update') send(`UPDATE t_${name} SET n = ${n}`);
            else send(`DELETE FROM t_${name} WHERE id = ${n}`);
          }
        }, 2);
        expect(result).toEqual({ nPlusOne: [], duplicates: [] });
      }),
      { numRuns: 100 },
    );
  });
});

describe('isPagination', () => {
  it.each([
    ['SELECT * FROM orders ORDER BY id LIMIT ? OFFSET ?', true],
    ['SELECT * FROM orders LIMIT ? OFFSET ?', true],
    ['SELECT * FROM orders WHERE id > ? ORDER BY id LIMIT ?', true],
    ['SELECT * FROM orders WHERE placed_at <= ? ORDER BY placed_at DESC LIMIT ?', true],
    ['SELECT * FROM orders WHERE user_id = ? AND id >= ? ORDER BY id LIMIT ?', true],
    ['SELECT * FROM addresses WHERE user_id = ? ORDER BY created_at LIMIT ?', false],
    ['SELECT * FROM comments WHERE post_id = ? AND status <> ? ORDER BY id LIMIT ?', false],
    ['SELECT * FROM posts WHERE tags @> ? ORDER BY id LIMIT ?', false],
    ['SELECT * FROM orders WHERE id > ? ORDER BY id', false],
    ['SELECT * FROM orders WHERE id > ? LIMIT ?', false],
    ['SELECT * FROM orders WHERE id = ?', false],
  ])('%s → %s', (shape, expected) => {
    expect(isPagination(shape)).toBe(expected);
  });
});
