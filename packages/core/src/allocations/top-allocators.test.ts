import { describe, expect, it } from 'vitest';
import { samplingInterval, type HeapProfile, type HeapProfileNode } from './heap-profile.js';
import { topAllocators } from './top-allocators.js';

let nextId = 1;
function node(functionName: string, url: string, line: number, selfSize: number, children: HeapProfileNode[] = []): HeapProfileNode {
  return { id: nextId++, callFrame: { functionName, scriptId: url === '' ? '0' : url, url, lineNumber: line - 1, columnNumber: 0 }, selfSize, children };
}

// (root) → run → log → [format, (V8 API) from format], plus profiler frames and a second path to format.
const PROFILE: HeapProfile = {
  head: node('(root)', '', 0, 0, [
    node('run', '/repo/src/run.ts', 3, 0, [
      node('log', '/repo/src/logger.ts', 10, 200, [node('format', '/repo/src/logger.ts', 20, 500, [node('(V8 API)', '', 0, 100)])]),
      node('', '/repo/src/util.ts', 5, 100, [node('format', '/repo/src/logger.ts', 20, 100)]),
    ]),
    node('post', '/perfgate/inspector-session.ts', 12, 1_000),
  ]),
};

const locate = (frame: { url: string; lineNumber: number; columnNumber: number }) =>
  frame.url === '' ? undefined : { file: frame.url, line: frame.lineNumber + 1, column: frame.columnNumber + 1 };

describe('topAllocators', () => {
  it('sums self bytes by function across paths, most first, with shares of what is left after the exclusions', () => {
    const { allocators, totalBytes } = topAllocators(PROFILE, locate, { exclude: (frame) => frame.url.startsWith('/perfgate/') });
    expect(totalBytes).toBe(1_000);
    expect(allocators.map((a) => [a.name, a.bytes, a.share])).toEqual([
      ['format', 600, 0.6],
      ['log', 200, 0.2],
      ['(V8 API)', 100, 0.1],
      ['(anonymous)', 100, 0.1],
    ]);
  });

  it('names the nearest caller with a script for a frame without one', () => {
    const native = topAllocators(PROFILE, locate).allocators.find((a) => a.name === '(V8 API)');
    expect(native).toMatchObject({ location: undefined, caller: { name: 'format', location: { file: '/repo/src/logger.ts', line: 20 } } });
  });

  it('keeps the top few, each with at least 1% of the bytes', () => {
    expect(topAllocators(PROFILE, locate, { top: 2 }).allocators.map((a) => a.name)).toEqual(['post', 'format']);
    const crumbs: HeapProfile = { head: node('(root)', '', 0, 0, [node('big', '/repo/a.ts', 1, 995), node('crumb', '/repo/b.ts', 1, 5)]) };
    expect(topAllocators(crumbs, locate).allocators.map((a) => a.name)).toEqual(['big']);
  });
});

describe('samplingInterval', () => {
  it('aims at a few thousand samples, in powers of two between 128 B and 32 KiB', () => {
    expect(samplingInterval(4_000 * 1024)).toBe(1024);
    expect(samplingInterval(10)).toBe(128);
    expect(samplingInterval(1e12)).toBe(32_768);
  });
});
