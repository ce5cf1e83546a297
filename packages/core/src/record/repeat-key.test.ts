import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_KEY_CACHE_SIZE, repeatKey } from './repeat-key.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('repeatKey', () => {
  it('is equal for statements differing only in numbers or string contents', () => {
    expect(repeatKey('SELECT * FROM items WHERE id = 1')).toBe(repeatKey('SELECT * FROM items WHERE id = 20394'));
    expect(repeatKey("SELECT * FROM users WHERE name = 'bob' AND age > 3")).toBe(repeatKey("SELECT * FROM users WHERE name = 'O''Brien, 42' AND age > 70"));
    expect(repeatKey('SELECT * FROM items WHERE id = $1')).toBe(repeatKey('SELECT * FROM items WHERE id = $2'));
  });

  it('differs for different statements', () => {
    expect(repeatKey('SELECT * FROM items WHERE id = 1')).not.toBe(repeatKey('SELECT * FROM orders WHERE id = 1'));
    expect(repeatKey('SELECT * FROM items WHERE id = 1')).not.toBe(repeatKey('DELETE FROM items WHERE id = 1'));
    expect(repeatKey("SELECT 'a'")).not.toBe(repeatKey('SELECT a'));
  });

  it('ignores any number and any quote-free string content', () => {
    const statement = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1e9 }), fc.string().filter((s) => !s.includes("'")));
    fc.assert(
      fc.property(statement, statement, ([a, b, s], [c, d, t]) => {
        const sql = (n: number, m: number, text: string) => `UPDATE accounts SET balance = ${n}, note = '${text}' WHERE id = ${m}`;
        expect(repeatKey(sql(a, b, s))).toBe(repeatKey(sql(c, d, t)));
      }),
    );
  });

  it('computes a text once, then answers from its cache', () => {
    const sql = `SELECT * FROM cached_once WHERE id = 1 -- ${Math.random()}`;
    const set = vi.spyOn(Map.prototype, 'set');
    const key = repeatKey(sql);
    const stores = set.mock.calls.filter(([text]) => text === sql);
    expect(stores).toEqual([[sql, key]]);
    expect(repeatKey(sql)).toBe(key);
    expect(set.mock.calls.filter(([text]) => text === sql)).toHaveLength(1);
  });

  it(`remembers at most ${REPEAT_KEY_CACHE_SIZE} texts, forgetting the oldest first`, () => {
    // The cache is private: catch it as the Map that stores a new text.
    const set = vi.spyOn(Map.prototype, 'set');
    const texts = Array.from({ length: REPEAT_KEY_CACHE_SIZE + 10 }, (_, i) => `SELECT * FROM bounded WHERE tag = 'x${i}'`);
    repeatKey(texts[0]!);
    const cache = set.mock.contexts[set.mock.calls.findIndex(([text]) => text === texts[0])] as Map<string, string>;
    set.mockRestore();
    for (const text of texts) repeatKey(text);
    expect(cache.size).toBe(REPEAT_KEY_CACHE_SIZE);
    expect(cache.has(texts[0]!)).toBe(false);
    expect(cache.has(texts[9]!)).toBe(false);
    expect(cache.has(texts[10]!)).toBe(true);
    expect(cache.has(texts.at(-1)!)).toBe(true);
    // A forgotten text still gets the right key.
    expect(repeatKey(texts[0]!)).toBe("SELECT * FROM bounded WHERE tag = ");
  });
});
