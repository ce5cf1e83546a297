/**
 * The part of a matcher's `this` perfgate uses; vitest and jest both provide
 * it (`MatcherState` / `MatcherContext`).
 */
export interface MatcherContext {
  /** jest's `MatcherState` declares it optional. */
  readonly isNot?: boolean | undefined;
  readonly promise?: string | undefined;
  readonly utils: {
    matcherHint(
      matcherName: string,
      received?: string,
      expected?: string,
      options?: { isNot?: boolean | undefined; promise?: string | undefined; secondArgument?: string | undefined },
    ): string;
  };
}

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}
