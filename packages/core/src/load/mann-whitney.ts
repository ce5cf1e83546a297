/**
 * One-sided exact Mann–Whitney U test: how likely a sample `after` at least
 * this much above `before` is when both come from the same distribution.
 * Exact (every split of the pooled ranks enumerated), with mid-ranks for
 * ties — latencies in whole milliseconds tie often. Small samples only (the
 * rounds of a load test): at most MAX_EXACT_SPLITS splits.
 */
export interface MannWhitney {
  /** U of `after`: pairs (a, b) with a > b, ties counting ½. */
  readonly u: number;
  /** P(U ≥ u) under the null hypothesis. */
  readonly p: number;
}

export const MAX_EXACT_SPLITS = 200_000;

function midRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!.index] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Every k-subset's rank sum, by recursion over the pooled ranks. */
function rankSums(ranks: readonly number[], k: number): number[] {
  const sums: number[] = [];
  const walk = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      sums.push(sum);
      return;
    }
    for (let i = start; i <= ranks.length - left; i++) walk(i + 1, left - 1, sum + ranks[i]!);
  };
  walk(0, k, 0);
  return sums;
}

function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

export function mannWhitneyGreater(before: readonly number[], after: readonly number[]): MannWhitney {
  const m = after.length;
  const n = before.length;
  if (m === 0 || n === 0) throw new RangeError('mannWhitneyGreater needs two non-empty samples');
  if (choose(m + n, m) > MAX_EXACT_SPLITS) throw new RangeError(`mannWhitneyGreater: ${m} + ${n} values are too many for the exact test`);
  const ranks = midRanks([...after, ...before]);
  const observed = ranks.slice(0, m).reduce((sum, rank) => sum + rank, 0);
  const offset = (m * (m + 1)) / 2;
  const sums = rankSums(ranks, m);
  // Rank sums are multiples of ½: compare with a little slack against floating error.
  const atLeast = sums.filter((sum) => sum >= observed - 1e-9).length;
  return { u: observed - offset, p: atLeast / sums.length };
}
