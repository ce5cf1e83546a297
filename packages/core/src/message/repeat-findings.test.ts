import { describe, expect, it } from 'vitest';
import type { RepeatFinding } from '../analysis/n-plus-one.js';
import { fixHint } from './repeat-findings.js';

const finding = (shape: string, kind: RepeatFinding['kind'] = 'select', dialect: RepeatFinding['dialect'] = 'postgres') => ({ shape, kind, dialect }) as RepeatFinding;

describe('fixHint', () => {
  it('names the compared column, however the ORM qualified it', () => {
    expect(fixHint(finding('SELECT * FROM items WHERE order_id = ?'))).toContain('WHERE order_id = ANY($1)');
    expect(fixHint(finding('SELECT * FROM items WHERE items.order_id = ?'))).toContain('WHERE order_id = ANY($1)');
    expect(fixHint(finding('SELECT "s"."books"."id" FROM "s"."books" WHERE "s"."books"."author_id" = ? OFFSET ?'))).toContain('WHERE "author_id" = ANY($1)');
    expect(fixHint(finding('SELECT * FROM `items` WHERE `items`.`order_id` = ?', 'select', 'mysql'))).toContain('WHERE `order_id` IN (?)');
  });

  it('falls back to id, and suggests one statement for writes', () => {
    expect(fixHint(finding('SELECT * FROM items WHERE order_id IN (...)'))).toContain('WHERE id = ANY($1)');
    expect(fixHint(finding('UPDATE items SET seen = ? WHERE id = ?', 'update'))).toBe('update the rows in one statement (WHERE id = ANY($1))');
    expect(fixHint(finding('INSERT INTO items (a) VALUES (?)', 'insert'))).toMatch(/^insert the rows in one statement/);
  });
});
