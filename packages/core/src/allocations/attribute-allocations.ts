import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROFILER_FILES, samplingInterval, sampleAllocations } from './heap-profile.js';
import { openInspectorSession } from './inspector-session.js';
import type { AllocationMeasurement } from './measure-allocations.js';
import { sourceLocator } from './source-locations.js';
import { topAllocators, type Allocator } from './top-allocators.js';
import { withoutInlining } from './without-inlining.js';

/** Where a failing gate's allocations came from. */
export interface Attribution {
  readonly allocators: readonly Allocator[];
  /** Calls profiled. */
  readonly calls: number;
  /** Samples the profile holds. */
  readonly samples: number;
  /** Whether V8's inlining was off, so each function shows its own allocations. */
  readonly inliningOff: boolean;
  /** The `.heapprofile` file written (absolute path). */
  readonly file: string;
}

export interface AttributionOptions {
  /** Absolute path of the `.heapprofile` file to write. */
  readonly file: string;
  /** V8 coverage is being recorded: the code is not deoptimised, so inlining stays as V8 compiled it. */
  readonly coverage: boolean;
  readonly writeFile?: (path: string, text: string) => void;
}

/** By the script V8 ran, before source maps: the build's bundle, or these sources under a test runner. */
const isProfilerFrame = ({ url }: { readonly url: string }) => PROFILER_FILES.has(url.startsWith('file:') ? fileURLToPath(url) : url);

const writeCreatingFolder = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

/**
 * Runs the measured function again under the sampling heap profiler (as
 * many calls as one sample made), saves the profile for DevTools or
 * speedscope, and ranks the functions that allocated.
 */
export async function attributeAllocations(fn: () => unknown, measurement: AllocationMeasurement, options: AttributionOptions): Promise<Attribution> {
  const session = openInspectorSession();
  try {
    const calls = measurement.iterations;
    const interval = samplingInterval(calls * measurement.bytesPerOp);
    const profile = await withoutInlining(session, options.coverage, () => sampleAllocations(session, fn, { calls, async: measurement.async, interval }));
    const locate = await sourceLocator(session);
    (options.writeFile ?? writeCreatingFolder)(options.file, JSON.stringify(profile));
    const { allocators } = topAllocators(profile, locate, { exclude: isProfilerFrame });
    return { allocators, calls, samples: profile.samples?.length ?? 0, inliningOff: !options.coverage, file: options.file };
  } finally {
    session.disconnect();
  }
}
