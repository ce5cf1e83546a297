import { describe, expect, it } from 'vitest';
import type { RepeatFinding } from '../analysis/n-plus-one.js';
import type { Orm } from '../analysis/query-origin.js';
import type { QueryRecord } from '../record/query-record.js';
import { fixHint } from './repeat-findings.js';

const finding = (shape: string, kind: RepeatFinding['kind'] = 'select', dialect: RepeatFinding['dialect'] = 'postgres', orm?: Orm, label?: string) =>
  ({ shape, kind, dialect, orm, first: { label } as QueryRecord }) as RepeatFinding;

describe('fixHint', () => {
  it('names the compared column, however the ORM qualified it', () => {
    expect(fixHint(finding('SELECT * FROM items WHERE order_id = ?'))).toContain('WHERE order_id = ANY($1)');
    expect(fixHint(finding('SELECT * FROM items WHERE items.order_id = ?'))).toContain('WHERE order_id = ANY($1)');
    expect(fixHint(finding('SELECT "s"."books"."id" FROM "s"."books" WHERE "s"."books"."author_id" = ? OFFSET ?'))).toContain('WHERE "author_id" = ANY($1)');
    expect(fixHint(finding('SELECT * FROM `items` WHERE `items`.`order_id` = ?', 'select', 'mysql'))).toContain('WHERE `order_id` IN (?)');
  });

  it('#11.12 names the column of an IN list sent once per row, not id', () => {
    expect(fixHint(finding('SELECT * FROM items WHERE order_id IN (...)'))).toContain('WHERE order_id = ANY($1)');
    expect(fixHint(finding('SELECT * FROM "items" WHERE ("items"."order_id" IN (...) AND ? = ?)'))).toContain('WHERE "order_id" = ANY($1)');
    expect(fixHint(finding('DELETE FROM `items` WHERE `items`.`cart_id` IN (...)', 'delete', 'mysql'))).toBe('delete the rows in one statement (WHERE `cart_id` IN (?))');
  });

  it('falls back to id, and suggests one statement for writes', () => {
    expect(fixHint(finding('SELECT * FROM items WHERE sku LIKE ?'))).toContain('WHERE id = ANY($1)');
    expect(fixHint(finding('UPDATE items SET seen = ? WHERE id = ?', 'update'))).toBe('update the rows in one statement (WHERE id = ANY($1))');
    expect(fixHint(finding('INSERT INTO items (a) VALUES (?)', 'insert'))).toMatch(/^insert the rows in one statement/);
  });

  it("#11.12 speaks the ORM's words when perfgate knows which ORM sent the loop", () => {
    const items = 'SELECT * FROM "order_items" WHERE "order_items"."order_id" = ?';
    expect(fixHint(finding(items, 'select', 'postgres', 'knex'))).toBe("load them in one query (.whereIn('order_id', ids)) or join them to the query before; in resolvers, batch with a DataLoader");
    expect(fixHint(finding('INSERT INTO "tags" ("name") VALUES (?)', 'insert', 'postgres', 'knex'))).toBe("insert the rows in one call (knex('tags').insert([row, …]))");
    expect(fixHint(finding(items, 'delete', 'postgres', 'knex'))).toBe("delete the rows in one call (knex('order_items').whereIn('order_id', ids).del())");
    expect(fixHint(finding(items, 'select', 'postgres', 'prisma', 'OrderItem.findMany'))).toBe(
      'load them with the query before (include: { … }) or in one OrderItem.findMany({ where: { <field of order_id>: { in: ids } } })',
    );
    expect(fixHint(finding('INSERT INTO "public"."Tag" ("name") VALUES (?)', 'insert', 'postgres', 'prisma', 'Tag.create'))).toBe(
      'create the rows in one Tag.createMany({ data: [ … ] }), and attach existing rows with one connect: [{ id }, …]',
    );
    expect(fixHint(finding(items, 'select', 'postgres', 'drizzle'))).toBe('load them in one query (.where(inArray(order_items.order_id, ids))) or with the query before (db.query … with: { … })');
    expect(fixHint(finding(items, 'update', 'postgres', 'typeorm'))).toBe('update the rows in one call (repository.update({ order_id: In(ids) }, changes))');
  });
});
