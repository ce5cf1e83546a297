import type { HeapProfile, HeapProfileNode, ProfileCallFrame } from './heap-profile.js';
import type { SourceLocation } from './source-locations.js';

/** Functions listed in a failure message, at most… */
export const ATTRIBUTION_TOP = 5;
/** …each with at least this share of the bytes (less is V8's and node's own background work). */
export const ATTRIBUTION_MIN_SHARE = 0.01;

/** One function's share of a sampling heap profile. */
export interface Allocator {
  /** The function's name; `(anonymous)` when it has none. */
  readonly name: string;
  /** Where the function is, mapped to the source; undefined for V8 and node internals with no script. */
  readonly location: SourceLocation | undefined;
  /** For a function without a script (a builtin such as JSON.stringify): the nearest caller that has one. */
  readonly caller?: { readonly name: string; readonly location: SourceLocation } | undefined;
  /** Bytes sampled as allocated by the function itself (its callees excluded). */
  readonly bytes: number;
  /** Its share of all bytes in the profile, 0–1. */
  readonly share: number;
}

export type Locate = (frame: ProfileCallFrame) => SourceLocation | undefined;

function nameOf(frame: ProfileCallFrame): string {
  return frame.functionName === '' ? '(anonymous)' : frame.functionName;
}

/**
 * Sums a profile's self sizes by function, most bytes first, leaving out
 * the frames `exclude` names (the profiler's own, by the script V8 ran)
 * and functions under ATTRIBUTION_MIN_SHARE. A builtin
 * (no script) is split by its nearest caller with a script, so
 * `JSON.stringify` called from two places is two lines, each saying where.
 */
export function topAllocators(
  profile: HeapProfile,
  locate: Locate,
  { top = ATTRIBUTION_TOP, exclude = () => false }: { readonly top?: number; readonly exclude?: (frame: ProfileCallFrame) => boolean } = {},
): { readonly allocators: readonly Allocator[]; readonly totalBytes: number } {
  const byKey = new Map<string, { name: string; location: SourceLocation | undefined; caller?: Allocator['caller']; bytes: number }>();
  let totalBytes = 0;
  const visit = (node: HeapProfileNode, scripted: { frame: ProfileCallFrame; location: SourceLocation } | undefined): void => {
    const { callFrame: frame } = node;
    const location = locate(frame);
    if (node.selfSize > 0 && !exclude(frame)) {
      totalBytes += node.selfSize;
      const caller = location === undefined && scripted !== undefined ? { name: nameOf(scripted.frame), location: scripted.location } : undefined;
      const key = [nameOf(frame), location?.file, location?.line, location?.column, caller?.name, caller?.location.file, caller?.location.line].join('\u0000');
      const entry = byKey.get(key) ?? { name: nameOf(frame), location, caller, bytes: 0 };
      entry.bytes += node.selfSize;
      byKey.set(key, entry);
    }
    const next = location === undefined ? scripted : { frame, location };
    for (const child of node.children) visit(child, next);
  };
  visit(profile.head, undefined);
  const allocators = [...byKey.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .map((entry) => ({ ...entry, share: totalBytes === 0 ? 0 : entry.bytes / totalBytes }))
    .filter((entry) => entry.share >= ATTRIBUTION_MIN_SHARE)
    .slice(0, top);
  return { allocators, totalBytes };
}
