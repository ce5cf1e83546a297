/**
 * Requests that found the same thing print once: a test that loops over
 * fifty orders gets one block saying `50 requests: …`, not fifty blocks.
 * The run's summaries and annotations fold this way; a failure message can too.
 */

export interface Folded<T> {
  readonly first: T;
  readonly all: readonly T[];
}

/** Groups items whose keys are equal, in the order each key was first seen. */
export function foldAlike<T>(items: readonly T[], keyOf: (item: T) => string): Folded<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups.values()].map((all) => ({ first: all[0]!, all }));
}

/** Names shown before the rest are counted. */
export const FOLDED_NAMES_SHOWN = 3;

/**
 * `6 requests: GET /orders/1, GET /orders/2, GET /orders/3 and 3 more`;
 * repeated names are shown once with a count (`GET /orders (×4)`), and a
 * single name stands alone.
 */
export function foldedNames(names: readonly string[], one = 'request', many = 'requests'): string {
  if (names.length === 1) return names[0]!;
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const distinct = [...counts].map(([name, count]) => (count === 1 ? name : `${name} (×${count})`));
  const shown = distinct.slice(0, FOLDED_NAMES_SHOWN).join(', ');
  const more = distinct.length - FOLDED_NAMES_SHOWN;
  return `${names.length.toLocaleString('en-US')} ${names.length === 1 ? one : many}: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}
