import { describe, expect, it } from 'vitest';
import { capRows, RowBudget } from './row-limits.js';

describe('row limits', () => {
  it('grants rows until the page allowance is spent, then none', () => {
    const budget = new RowBudget(5);
    expect([budget.take(3), budget.take(3), budget.take(1)]).toEqual([3, 2, 0]);
  });

  it('keeps the first rows and counts the rest', () => {
    expect(capRows([1, 2, 3], 2)).toEqual({ shown: [1, 2], omitted: 1 });
    expect(capRows([1], 2)).toEqual({ shown: [1], omitted: 0 });
  });
});
