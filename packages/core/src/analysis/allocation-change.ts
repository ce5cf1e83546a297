/** How far a figure may rise above its baseline, as a share: 10%. */
export const DEFAULT_ALLOCATION_TOLERANCE = 0.1;
/** Changes smaller than this many bytes per call never count, so tiny figures (a 40-byte object) do not flap. */
export const DEFAULT_ALLOCATION_FLOOR_BYTES = 64;

export interface ChangeLimits {
  /** Share of the baseline (0.1 = 10%). */
  readonly tolerance: number;
  /** Bytes per call. */
  readonly floorBytes: number;
}

/** Where a measured figure stands against its baseline. */
export type AllocationChange = 'within' | 'regressed' | 'improved';

/**
 * A change counts when it is larger than both the tolerance (a share of the
 * baseline) and the floor (an absolute number of bytes): 10% of 40 B is
 * measurement noise, 64 B of 1 MiB is too.
 */
export function compareWithBaseline(measured: number, baseline: number, { tolerance, floorBytes }: ChangeLimits): AllocationChange {
  const difference = measured - baseline;
  const allowed = Math.max(tolerance * baseline, floorBytes);
  if (difference > allowed) return 'regressed';
  if (-difference > allowed) return 'improved';
  return 'within';
}

/** The highest figure that still passes. */
export function baselineLimit(baseline: number, { tolerance, floorBytes }: ChangeLimits): number {
  return baseline + Math.max(tolerance * baseline, floorBytes);
}
