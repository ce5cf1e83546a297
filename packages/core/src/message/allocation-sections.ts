import { isAbsolute, relative, sep } from 'node:path';
import type { Attribution } from '../allocations/attribute-allocations.js';
import { exactBytes } from '../allocations/byte-size.js';
import type { AllocationMeasurement } from '../allocations/measure-allocations.js';
import type { SourceLocation } from '../allocations/source-locations.js';
import type { FailureSection } from './format-failure.js';

/** `src/logger.ts:14`, relative to the project root when under it. */
export function showLocation(location: SourceLocation, root: string): string {
  return `${showPath(location.file, root)}:${location.line}`;
}

export function showPath(path: string, root: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/** The `Samples` row: `median of 7 samples × 4,537 calls: 8,056.1–8,056.2 B per call`. */
export function samplesRow(measurement: AllocationMeasurement): string {
  const low = Math.min(...measurement.samples);
  const high = Math.max(...measurement.samples);
  const range = exactBytes(low) === exactBytes(high) ? exactBytes(low) : `${exactBytes(low).slice(0, -2)}–${exactBytes(high)}`;
  return `${measurement.statistic} of ${measurement.samples.length} samples × ${measurement.iterations.toLocaleString('en-US')} calls${measurement.async ? ' (awaited)' : ''}: ${range}`;
}

/** The sections a failing allocation gate adds: who allocated, and where the profile was saved. */
export function attributionSections(attribution: Attribution | Error, root: string): FailureSection[] {
  if (attribution instanceof Error) {
    return [{ title: 'Allocated by', lines: [`the heap profile could not be taken: ${attribution.message}`] }];
  }
  const { allocators, calls } = attribution;
  const perCall = allocators.map((a) => exactBytes(a.bytes / calls));
  const width = Math.max(0, ...perCall.map((text) => text.length));
  const lines = allocators.map((allocator, i) => {
    const share = `${(allocator.share * 100).toFixed(1)}%`.padStart(6);
    const where =
      allocator.location !== undefined
        ? `${allocator.name}  ${showLocation(allocator.location, root)}`
        : `${allocator.name} (native)${allocator.caller === undefined ? '' : `, called from ${allocator.caller.name}  ${showLocation(allocator.caller.location, root)}`}`;
    return `${share}  ${perCall[i]!.padStart(width)} per call  ${where}`;
  });
  if (lines.length === 0) lines.push('no allocation was sampled');
  if (!attribution.inliningOff) lines.push('(V8 coverage is being recorded, so inlining was left on: an inlined function is counted in its caller)');
  return [
    { title: `Allocated by (sampling heap profile of ${calls.toLocaleString('en-US')} calls, ${attribution.samples.toLocaleString('en-US')} samples; each function's own bytes)`, lines },
    { title: 'Heap profile', lines: [showPath(attribution.file, root), 'open it in Chrome DevTools (Memory › Load profile) or at https://www.speedscope.app'] },
  ];
}
