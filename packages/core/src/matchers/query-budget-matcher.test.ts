import { describe, expect, it } from 'vitest';
import { recorded, withoutColours } from '../../test/matcher-helpers.js';
import { perfgateRejectionOf } from '../../test/rejection-of.js';
import { perfgateMatchers } from './index.js';
import { MAX_SHAPES_IN_MESSAGE } from './query-budget-matcher.js';

expect.extend(perfgateMatchers);

describe('query-budget messages', () => {
  it('say when a scope recorded no query', async () => {
    await expect(withoutColours(expect(await recorded([], 'noop')).toIssueExactly(1))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueExactly(1)

      Expected: exactly 1 query
      Received: 0 queries, 1 fewer than expected
      Function: noop
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes:
        no query was recorded in this scope]
    `);
  });

  it('say when the filter matched nothing', async () => {
    await expect(withoutColours(expect(await recorded(['SELECT 1'], 'noop')).toIssueExactly(1, { kind: ['insert', 'update'] }))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueExactly(1)

      Expected: exactly 1 query
      Received: 0 insert/update queries, 1 fewer than expected
      In scope: 1 query
      Function: noop
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes:
        none matched the filter]
    `);
  });

  it(`list at most ${MAX_SHAPES_IN_MESSAGE} shapes and summarise the rest`, async () => {
    const sqls = Array.from({ length: 13 }, (_, n) => Array.from({ length: n === 0 ? 12 : 1 }, () => `SELECT * FROM table_${n} WHERE id = ${n}`)).flat();
    await expect(withoutColours(expect(await recorded(sqls, 'report')).toIssueAtMost(10))).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(received).toIssueAtMost(10)

      Expected: at most 10 queries
      Received: 24 queries, 14 over budget
      Function: report
      Trace-id: 4bf92f3577b34da6a3ce929d0e0e4736

      Statement shapes, most frequent first:
        12 × SELECT * FROM table_0 WHERE id = ?
             from test/matcher-helpers.ts:25:31 (traceId)
         1 × SELECT * FROM table_1 WHERE id = ?
         1 × SELECT * FROM table_2 WHERE id = ?
         1 × SELECT * FROM table_3 WHERE id = ?
         1 × SELECT * FROM table_4 WHERE id = ?
             from test/matcher-helpers.ts:25:31 (traceId)
         1 × SELECT * FROM table_5 WHERE id = ?
         1 × SELECT * FROM table_6 WHERE id = ?
         1 × SELECT * FROM table_7 WHERE id = ?
         1 × SELECT * FROM table_8 WHERE id = ?
         1 × SELECT * FROM table_9 WHERE id = ?
        … 3 more shapes (3 queries)]
    `);
  });
});

describe('query-budget input errors', () => {
  it.each([
    ['a negative budget', -1],
    ['a fraction', 1.5],
    ['a string', '3'],
    ['NaN', Number.NaN],
    ['no budget', undefined],
  ])('reject %s at once with INVALID_BUDGET', async (_, budget) => {
    const result = await recorded([]);
    expect(await perfgateRejectionOf(() => expect(result).toIssueAtMost(budget as number), 'INVALID_BUDGET')).toMatch(
      /^toIssueAtMost: the budget must be a whole number of queries, 0 or more; received .+\.$/,
    );
  });

  it('name the budget in the message', async () => {
    const result = await recorded([]);
    expect(await perfgateRejectionOf(() => expect(result).toIssueAtMost(-1), 'INVALID_BUDGET')).toMatchInlineSnapshot(`"toIssueAtMost: the budget must be a whole number of queries, 0 or more; received number -1."`);
    expect(await perfgateRejectionOf(() => expect(result).toIssueAtMost(1.5), 'INVALID_BUDGET')).toMatchInlineSnapshot(`"toIssueAtMost: the budget must be a whole number of queries, 0 or more; received number 1.5."`);
    expect(await perfgateRejectionOf(() => expect(result).toIssueExactly('3' as unknown as number), 'INVALID_BUDGET')).toMatchInlineSnapshot(`"toIssueExactly: the budget must be a whole number of queries, 0 or more; received the string "3"."`);
  });

  it('reject unknown options, a bad kind and a bad match with INVALID_OPTIONS', async () => {
    const result = await recorded([]);
    const at = (options: unknown) => perfgateRejectionOf(() => expect(result).toIssueAtMost(1, options as never), 'INVALID_OPTIONS');
    expect(await at({ knd: 'select' })).toMatchInlineSnapshot(`"toIssueAtMost: unknown option "knd"; the options are "kind", "match"."`);
    expect(await at({ knd: 'select', mach: 'x' })).toMatchInlineSnapshot(`"toIssueAtMost: unknown options "knd", "mach"; the options are "kind", "match"."`);
    expect(await at({ kind: 'selects' })).toMatchInlineSnapshot(`"toIssueAtMost: option "kind" must be one of 'select', 'insert', 'update', 'delete', 'other' or an array of them; received the string "selects"."`);
    expect(await at({ kind: ['select', 'upsert'] })).toMatchInlineSnapshot(`"toIssueAtMost: option "kind" must be one of 'select', 'insert', 'update', 'delete', 'other' or an array of them; received the string "upsert"."`);
    expect(await at({ kind: [] })).toMatchInlineSnapshot(`"toIssueAtMost: option "kind" must be one of 'select', 'insert', 'update', 'delete', 'other' or an array of them; received an empty array."`);
    expect(await at({ match: 42 })).toMatchInlineSnapshot(`"toIssueAtMost: option "match" must be a string or a RegExp; received number 42."`);
    expect(await at('select')).toMatchInlineSnapshot(`"toIssueAtMost: options must be an object like { kind: 'select' }; received the string "select"."`);
  });

  it('reject what cannot be scoped with INVALID_RECEIVED', async () => {
    const received = (value: unknown) => perfgateRejectionOf(() => expect(value).toIssueAtMost(1), 'INVALID_RECEIVED');
    expect(await received(3)).toMatchInlineSnapshot(`"toIssueAtMost: expect() received number 3; pass an unsent supertest request (\`request(app).get(path)\`) or \`app.inject().get(path)\` chain, a function to run in its own scope, or the result of \`recordQueries()\`."`);
    expect(await received({ queries: [] })).toMatchInlineSnapshot(`"toIssueAtMost: expect() received an object; pass an unsent supertest request (\`request(app).get(path)\`) or \`app.inject().get(path)\` chain, a function to run in its own scope, or the result of \`recordQueries()\`."`);
    expect(await received(Promise.resolve())).toMatchInlineSnapshot(`"toIssueAtMost: expect() received a promise (already running, so perfgate cannot scope it); pass an unsent supertest request (\`request(app).get(path)\`) or \`app.inject().get(path)\` chain, a function to run in its own scope, or the result of \`recordQueries()\`."`);
    expect(await received(undefined)).toMatchInlineSnapshot(`"toIssueAtMost: expect() received undefined; pass an unsent supertest request (\`request(app).get(path)\`) or \`app.inject().get(path)\` chain, a function to run in its own scope, or the result of \`recordQueries()\`."`);
  });

  it('check the budget before running a received function', async () => {
    let ran = false;
    await perfgateRejectionOf(
      () =>
        expect(() => {
          ran = true;
        }).toIssueExactly(-2),
      'INVALID_BUDGET',
    );
    expect(ran).toBe(false);
  });
});
