import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldAlike, foldedNames } from './fold-requests.js';

describe('foldAlike', () => {
  it('groups equal keys in first-seen order', () => {
    const folded = foldAlike(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0]!);
    expect(folded.map(({ first, all }) => [first, all])).toEqual([
      ['a1', ['a1', 'a2']],
      ['b1', ['b1', 'b2']],
      ['c1', ['c1']],
    ]);
  });

  it('keeps every item exactly once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 })), (items) => {
        const folded = foldAlike(items, String);
        expect(folded.flatMap((g) => g.all).sort()).toEqual([...items].sort());
        expect(new Set(folded.map((g) => String(g.first))).size).toBe(folded.length);
        for (const g of folded) expect(g.all.every((item) => item === g.first)).toBe(true);
      }),
    );
  });
});

describe('foldedNames', () => {
  it('counts the requests and names the first three', () => {
    expect(foldedNames(['GET /orders/1', 'GET /orders/2', 'GET /orders/3', 'GET /orders/4', 'GET /orders/5', 'GET /orders/6'])).toMatchInlineSnapshot(
      `"6 requests: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more"`,
    );
  });

  it('shows a repeated name once with its count; a single name stands alone', () => {
    expect(foldedNames(['GET /orders', 'GET /orders', 'GET /orders', 'POST /orders'])).toMatchInlineSnapshot(`"4 requests: GET /orders (×3), POST /orders"`);
    expect(foldedNames(['GET /orders'])).toBe('GET /orders');
    expect(foldedNames(['load', 'load'], 'function', 'functions')).toBe('2 functions: load (×2)');
  });
});
