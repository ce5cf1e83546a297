import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evictOldest } from './evict-oldest.js';

describe('evictOldest', () => {
  it('deletes the oldest entry left, like a fresh iterator would, through any mix of sets, deletes, clears and evictions (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('evict' as const) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const map = new Map<number, number>();
        const model = new Map<number, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            map.set(o.key, o.key);
            model.set(o.key, o.key);
          } else if (o.kind === 'delete') {
            map.delete(o.key);
            model.delete(o.key);
          } else if (o.kind === 'clear') {
            map.clear();
            model.clear();
          } else {
            evictOldest(map);
            const oldest = model.keys().next();
            if (oldest.done !== true) model.delete(oldest.value);
          }
          expect([...map.keys()]).toEqual([...model.keys()]);
        }
      }),
    );
  });

  it('does nothing to an empty map, and starts again once the map fills up after running out', () => {
    const map = new Map<string, number>();
    evictOldest(map);
    expect(map.size).toBe(0);
    map.set('a', 1).set('b', 2);
    evictOldest(map);
    evictOldest(map);
    evictOldest(map);
    map.set('c', 3).set('d', 4);
    evictOldest(map);
    expect([...map.keys()]).toEqual(['d']);
  });
});
