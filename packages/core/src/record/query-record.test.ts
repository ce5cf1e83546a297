import { describe, expect, it } from 'vitest';
import { QueryRecord } from './query-record.js';

describe('QueryRecord', () => {
  it('keeps times to the microsecond and a duration only once set', () => {
    const record = new QueryRecord({ sql: 'SELECT 1', source: 'pg', dialect: 'postgres' }, 'a'.repeat(32), 1234.5678);
    expect(record.startedAt).toBe(1234.568);
    expect(record.durationMs).toBeUndefined();
    record.durationMs = 0.25;
    expect(record.durationMs).toBe(0.25);
    record.durationMs = undefined;
    expect(record.durationMs).toBeUndefined();
  });

  it('reads its adapter, dialect and label as given, whichever adapter recorded last', () => {
    const pg = new QueryRecord({ sql: 'SELECT 1', source: 'pg', dialect: 'postgres' }, 't', 0);
    const prisma = new QueryRecord({ sql: 'SELECT 1', source: 'prisma', dialect: 'postgres', label: 'Order.findMany' }, 't', 0);
    const mysql = new QueryRecord({ sql: 'SELECT 1', source: 'mysql2', dialect: 'mysql' }, 't', 0);
    const pgAgain = new QueryRecord({ sql: 'SELECT 2', source: 'pg', dialect: 'postgres' }, 't', 0);
    expect([pg, prisma, mysql, pgAgain].map((r) => [r.source, r.dialect, r.label])).toEqual([
      ['pg', 'postgres', undefined],
      ['prisma', 'postgres', 'Order.findMany'],
      ['mysql2', 'mysql', undefined],
      ['pg', 'postgres', undefined],
    ]);
  });

  it('has no call sites without a stack, and reads them from a stack set after it was made', () => {
    const record = new QueryRecord({ sql: 'SELECT 1', source: 'pg', dialect: 'postgres' }, 't', 0);
    expect(record.callSites).toEqual([]);
    record.stack = { stack: `Error\n    at loadItems (${process.cwd()}/src/items.ts:3:9)` };
    expect(record.callSites).toEqual([{ file: 'src/items.ts', line: 3, column: 9, functionName: 'loadItems' }]);
  });
});
