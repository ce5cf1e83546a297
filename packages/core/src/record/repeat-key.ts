import { evictOldest } from '../evict-oldest.js';

/**
 * A cheap key that is equal for statements differing only in numbers and
 * string contents: enough to notice a statement repeating (with inlined
 * literals too) without fingerprinting on the hot path. Memoised by text.
 */
export function repeatKey(sql: string): string {
  let key = cache.get(sql);
  if (key === undefined) {
    key = computeRepeatKey(sql);
    if (cache.size >= REPEAT_KEY_CACHE_SIZE) evictOldest(cache);
    cache.set(sql, key);
  }
  return key;
}

export const REPEAT_KEY_CACHE_SIZE = 5_000;
const cache = new Map<string, string>();

function computeRepeatKey(sql: string): string {
  let key = '';
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (c === 39 /* ' */) {
      inString = !inString;
      continue;
    }
    if (inString || (c >= 48 && c <= 57)) continue;
    key += sql[i];
  }
  return key;
}
