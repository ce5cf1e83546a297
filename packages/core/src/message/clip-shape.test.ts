import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipShape, clipShapes, SHAPE_WIDTH } from './clip-shape.js';

const columns = (n: number) => Array.from({ length: n }, (_, i) => `"Article"."column_number_${i}" AS "Article_column_number_${i}"`).join(', ');
/** What TypeORM sends: every column aliased, then the part that tells two statements apart. */
const typeorm = (where: string) => `SELECT ${columns(12)} FROM "article" "Article" WHERE ${where} LIMIT ?`;

describe('#16.10 clipping a statement shape keeps the part that differs', () => {
  it('elides the middle of a long select list, keeping FROM and WHERE', () => {
    const clipped = clipShape(typeorm('"Article"."slug" = ?'));
    expect(clipped).toMatchInlineSnapshot(`"SELECT "Article"."column_number_0" AS "Article_column_number_0", … FROM "article" "Article" WHERE "Article"."slug" = ? LIMIT ?"`);
    expect(clipped.length).toBeLessThanOrEqual(SHAPE_WIDTH);
    expect(clipShape('SELECT id FROM t')).toBe('SELECT id FROM t');
  });

  it('keeps the start and the end of anything else', () => {
    const update = `UPDATE "article" SET ${columns(8).replaceAll(' AS ', ' = ')} WHERE "id" = ?`;
    expect(clipShape(update)).toMatch(/^UPDATE "article" SET .+ … .+ WHERE "id" = \?$/);
    expect(clipShape(update).length).toBe(SHAPE_WIDTH);
  });

  it('shows where two shapes differ when they clip alike', () => {
    const long = `SELECT ${columns(6)} FROM "article" "Article" LEFT JOIN "tag" "Tag" ON "Tag"."articleId" = "Article"."id" AND "Tag"."kind" = ? WHERE `;
    const [a, b] = clipShapes([`${long}"Article"."slug" = ? AND "Article"."deleted" IS NULL`, `${long}"Article"."authorId" = ? AND "Article"."deleted" IS NULL`]);
    expect(a).not.toBe(b);
    expect(a).toContain('"Article"."slug" = ?');
    expect(b).toContain('"Article"."authorId" = ?');
  });

  it('never prints two different shapes alike, nor past the width', () => {
    const word = fc.stringMatching(/^[a-z_"().,=?* ]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(word, { maxLength: 12 }), (head, a, b) => {
        const first = `SELECT ${head.join(', ')} FROM t WHERE ${a.join(' AND ')}`;
        const second = `SELECT ${head.join(', ')} FROM t WHERE ${[...a, ...b].join(' AND ')} `;
        const clipped = clipShapes([first, second]);
        expect(clipped[0]).not.toBe(clipped[1]);
        for (const text of clipped) expect(text.length).toBeLessThanOrEqual(SHAPE_WIDTH);
      }),
      { numRuns: 300 },
    );
  });
});
