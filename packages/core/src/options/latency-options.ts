import { describe } from '../errors.js';
import { parseDuration } from '../load/duration.js';
import { DEFAULT_LATENCY_FLOOR_MS, DEFAULT_LATENCY_ROUNDS, DEFAULT_LATENCY_TOLERANCE } from '../load/latency-change.js';

/** Defaults of the latency baseline (`toMatchLatencyBaseline`); the matcher's own options override them. */
export interface LatencyDefaults {
  /** How far the median p99 may rise above its baseline, as a share. Default 0.25 (25%). */
  tolerance?: number;
  /** Rises of the median p99 under this never count: a duration such as '2 ms'. Default '2 ms'. */
  floor?: string;
  /** Rounds of the load scenario per check, 5 to 10 (5 against 5 is the fewest that can reach p ≤ 0.01). Default 5. */
  rounds?: number;
}

export interface ResolvedLatencyDefaults {
  readonly tolerance: number;
  readonly floorMs: number;
  readonly rounds: number;
}

export const LATENCY_OPTION_NAMES = ['tolerance', 'floor', 'rounds'] as const;

/** Checks the `latency` option; `fail` makes the error in the shape every option error has. */
export function resolveLatencyOptions(input: unknown, fail: (detail: string) => Error): ResolvedLatencyDefaults {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw fail(`"latency" must be an object such as { tolerance: 0.25, floor: '2 ms', rounds: 5 }; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(LATENCY_OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"latency.${k}"`).join(', ')}; the latency options are ${LATENCY_OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { tolerance = DEFAULT_LATENCY_TOLERANCE, floor, rounds = DEFAULT_LATENCY_ROUNDS } = input as LatencyDefaults;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw fail(`"latency.tolerance" must be a share, 0 or more (0.25 is 25%); received ${describe(tolerance)}.`);
  }
  let floorMs = DEFAULT_LATENCY_FLOOR_MS;
  if (floor !== undefined) {
    try {
      floorMs = parseDuration(floor, 'latency.floor');
    } catch {
      throw fail(`"latency.floor" must be a duration with its unit, such as '2 ms' or '0.5 s'; received ${describe(floor)}.`);
    }
  }
  if (!Number.isInteger(rounds) || rounds < 5 || rounds > 10) {
    throw fail(`"latency.rounds" must be a whole number from 5 to 10 (fewer rounds can never show a difference at p ≤ 0.01); received ${describe(rounds)}.`);
  }
  return { tolerance, floorMs, rounds };
}
