import { describe, expect, it } from 'vitest';
import { recorded } from '../../test/matcher-helpers.js';
import { analyseGrowth } from './query-growth.js';

/** The statements a list page sends for `n` orders: `perOrder` of them run once per order. */
function listPage(n: number, perOrder: readonly string[]): string[] {
  const loop = Array.from({ length: n }, (_, i) => perOrder.map((sql) => sql.replace('#', String(i + 1)))).flat();
  return ['SELECT * FROM users WHERE id = 1', 'SELECT * FROM orders WHERE user_id = 1', ...loop, 'UPDATE users SET seen_at = now() WHERE id = 1'];
}

describe('analyseGrowth', () => {
  it('finds no growth when every shape runs as often at each scale', async () => {
    const results = await Promise.all([2, 5].map((n) => recorded(listPage(n, []))));
    expect(analyseGrowth([2, 5], results)).toEqual({
      scales: [2, 5],
      grew: [],
      constant: [
        { shape: 'SELECT * FROM users WHERE id = ?', counts: [1, 1] },
        { shape: 'SELECT * FROM orders WHERE user_id = ?', counts: [1, 1] },
        { shape: 'UPDATE users SET seen_at = now() WHERE id = ?', counts: [1, 1] },
      ],
      totals: [3, 3],
    });
  });

  it('separates the shapes that grew with n from the constant ones, with their counts and the totals per scale', async () => {
    const scales = [1, 3, 6];
    const results = await Promise.all(scales.map((n) => recorded(listPage(n, ['SELECT * FROM items WHERE order_id = #']))));
    const growth = analyseGrowth(scales, results);
    expect(growth.grew).toEqual([{ shape: 'SELECT * FROM items WHERE order_id = ?', counts: [1, 3, 6] }]);
    expect(growth.constant.map((g) => g.counts)).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(growth.totals).toEqual([4, 6, 9]);
    expect(growth.scales).toBe(scales);
  });

  it('counts a shape that runs only at the larger scale as grown from 0', async () => {
    const small = await recorded(['SELECT * FROM settings']);
    const large = await recorded(['SELECT * FROM settings', 'SELECT * FROM archive WHERE page = 2']);
    const growth = analyseGrowth([0, 10], [small, large]);
    expect(growth.grew).toEqual([{ shape: 'SELECT * FROM archive WHERE page = ?', counts: [0, 1] }]);
    expect(growth.constant).toEqual([{ shape: 'SELECT * FROM settings', counts: [1, 1] }]);
    expect(growth.totals).toEqual([1, 2]);
  });

  it('lists the shapes that grew the most first', async () => {
    const perOrder = ['SELECT * FROM items WHERE order_id = #', 'SELECT * FROM prices WHERE order_id = #', 'SELECT * FROM prices WHERE order_id = #'];
    const results = await Promise.all([2, 5].map((n) => recorded([...listPage(n, perOrder), ...(n === 5 ? ['SELECT * FROM banners'] : [])])));
    expect(analyseGrowth([2, 5], results).grew).toEqual([
      { shape: 'SELECT * FROM prices WHERE order_id = ?', counts: [4, 10] },
      { shape: 'SELECT * FROM items WHERE order_id = ?', counts: [2, 5] },
      { shape: 'SELECT * FROM banners', counts: [0, 1] },
    ]);
  });
});
