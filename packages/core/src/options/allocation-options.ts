import { bytesOf, type ByteSize } from '../allocations/byte-size.js';
import { DEFAULT_ALLOCATION_FLOOR_BYTES, DEFAULT_ALLOCATION_TOLERANCE } from '../analysis/allocation-change.js';
import { describe } from '../errors.js';
import { LATENCY_OPTION_NAMES } from './latency-options.js';

/** The folder, at the project root, where failing allocation gates save their heap profiles. */
export const ALLOCATION_REPORT_DIR = '.perfgate';

/** Defaults of the allocation gates (`toAllocateAtMost`, `toMatchAllocationBaseline`). */
export interface AllocationDefaults {
  /** How far a figure may rise above its baseline, as a share. Default 0.1 (10%). */
  tolerance?: number;
  /** Changes smaller than this never count, so tiny figures do not flap: bytes or a size such as '64 B'. Default 64. */
  floor?: ByteSize;
  /** Where failing allocation gates save heap profiles, relative to the project root. Default `.perfgate`. */
  reports?: string;
}

export interface ResolvedAllocationDefaults {
  readonly tolerance: number;
  readonly floorBytes: number;
  readonly reports: string;
}

const ALLOCATION_OPTION_NAMES = ['tolerance', 'floor', 'reports'] as const;

/** Checks the `allocations` option; `fail` makes the error in the shape every option error has. */
export function resolveAllocationOptions(input: unknown, fail: (detail: string) => Error): ResolvedAllocationDefaults {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw fail(`"allocations" must be an object such as { tolerance: 0.1, floor: '64 B' }; received ${describe(input)}.`);
  }
  const unknown = Object.keys(input).filter((key) => !(ALLOCATION_OPTION_NAMES as readonly string[]).includes(key));
  // Latency defaults have their own section: say where, rather than only that the key is unknown.
  const misplaced = unknown.find((key) => key === 'latency' || (LATENCY_OPTION_NAMES as readonly string[]).includes(key));
  if (misplaced === 'latency') throw fail(`"allocations.latency" is not an option: latency defaults are an option of their own, beside "allocations": { allocations: { … }, latency: { tolerance: 0.25 } }.`);
  if (misplaced !== undefined) throw fail(`"allocations.${misplaced}" is not an allocation option: the latency baseline's "${misplaced}" is "latency.${misplaced}".`);
  if (unknown.length > 0) {
    throw fail(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"allocations.${k}"`).join(', ')}; the allocation options are ${ALLOCATION_OPTION_NAMES.map((k) => `"${k}"`).join(', ')}.`);
  }
  const { tolerance = DEFAULT_ALLOCATION_TOLERANCE, floor = DEFAULT_ALLOCATION_FLOOR_BYTES, reports = ALLOCATION_REPORT_DIR } = input as AllocationDefaults;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw fail(`"allocations.tolerance" must be a share, 0 or more (0.1 is 10%); received ${describe(tolerance)}.`);
  }
  const floorBytes = bytesOf(floor);
  if (floorBytes === undefined) throw fail(`"allocations.floor" must be a number of bytes or a size such as '64 B'; received ${describe(floor)}.`);
  if (typeof reports !== 'string' || reports === '') {
    throw fail(`"allocations.reports" must be a folder path (relative paths start at the project root); received ${describe(reports)}.`);
  }
  return { tolerance, floorBytes, reports };
}
