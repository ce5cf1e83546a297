import { fileURLToPath } from 'node:url';
import { collectGarbage } from './collect-garbage.js';
import { INSPECTOR_SESSION_FILE, type ProtocolSession } from './inspector-session.js';
import { primeNotInlined, runAsyncNotInlined, runSyncNotInlined } from './run-calls.js';

/** A frame of V8's sampling heap profile: where a function starts (0-based line and column). */
export interface ProfileCallFrame {
  readonly functionName: string;
  readonly scriptId: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface HeapProfileNode {
  readonly id: number;
  readonly callFrame: ProfileCallFrame;
  /** Bytes sampled as allocated by this function on this path, children excluded. */
  readonly selfSize: number;
  readonly children: readonly HeapProfileNode[];
}

/** V8's sampling heap profile, as DevTools saves it in a `.heapprofile` file. */
export interface HeapProfile {
  readonly head: HeapProfileNode;
  readonly samples?: ReadonlyArray<{ readonly size: number; readonly nodeId: number; readonly ordinal: number }>;
}

/** Samples a profile should hold, about: enough to rank a handful of functions. */
export const ATTRIBUTION_TARGET_SAMPLES = 4_000;
/** Bounds of the sampling interval (bytes; V8's default is 32 KiB, too coarse for a few KiB per call). */
export const ATTRIBUTION_MIN_INTERVAL = 128;
export const ATTRIBUTION_MAX_INTERVAL = 32_768;

/** An interval that gives about ATTRIBUTION_TARGET_SAMPLES samples over `totalBytes`, a power of two within the bounds. */
export function samplingInterval(totalBytes: number): number {
  const wanted = 2 ** Math.round(Math.log2(Math.max(1, totalBytes / ATTRIBUTION_TARGET_SAMPLES)));
  return Math.min(ATTRIBUTION_MAX_INTERVAL, Math.max(ATTRIBUTION_MIN_INTERVAL, wanted));
}

/** Files whose frames are the profiler's own (in a build, the bundle that holds them): left out of the ranking. */
export const PROFILER_FILES: ReadonlySet<string> = new Set([fileURLToPath(import.meta.url), INSPECTOR_SESSION_FILE, 'node:inspector']);

/** How long the profiled function runs before sampling starts, so V8 has optimised it again. */
export const ATTRIBUTION_WARMUP_MS = 100;

export interface SampleOptions {
  readonly calls: number;
  readonly async: boolean;
  /** Sampling interval in bytes: see samplingInterval(). */
  readonly interval: number;
}

/**
 * Calls `fn` `calls` times under V8's sampling heap profiler, after a
 * warm-up, through the inspector protocol so that objects already
 * collected are kept (`includeObjectsCollectedByMajorGC`/`MinorGC`): a
 * function's garbage is what an allocation gate is about, and without them
 * the profile shows only what survived.
 */
export async function sampleAllocations(session: ProtocolSession, fn: () => unknown, options: SampleOptions): Promise<HeapProfile> {
  await primeNotInlined();
  const run = (calls: number): void | Promise<void> => (options.async ? runAsyncNotInlined(fn, calls) : runSyncNotInlined(fn, calls));
  const warmUntil = performance.now() + ATTRIBUTION_WARMUP_MS;
  while (performance.now() < warmUntil) await run(Math.max(1, Math.ceil(options.calls / 10)));
  await session.post('HeapProfiler.enable');
  collectGarbage('minor');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: options.interval,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const stop = async (): Promise<HeapProfile> => {
    const { profile } = await session.post<{ profile: HeapProfile }>('HeapProfiler.stopSampling');
    await session.post('HeapProfiler.disable');
    return profile;
  };
  try {
    await run(options.calls);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop();
}
