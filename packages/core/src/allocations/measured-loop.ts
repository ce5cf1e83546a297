import { openHeapWindow, type HeapWindow } from './heap-window.js';
import { runAsync, runAsyncEmpty, runSync } from './run-calls.js';

/** A function's calls in heap windows, and the same loop empty: the harness's own bytes. */
export interface MeasuredLoop {
  readonly async: boolean;
  /** Runs `calls` calls in a heap window. */
  window(calls: number): Promise<HeapWindow & { readonly ms: number }>;
  /** An empty window of the same loop: the harness's own allocation for that many calls. */
  empty(calls: number): Promise<HeapWindow>;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function syncLoop(fn: () => unknown): MeasuredLoop {
  return {
    async: false,
    async window(calls) {
      const t0 = performance.now();
      const close = openHeapWindow();
      runSync(fn, calls);
      const heap = close();
      return { ...heap, ms: performance.now() - t0 };
    },
    // The synchronous loop allocates nothing per call: only the window's own statistics objects.
    async empty() {
      return openHeapWindow()();
    },
  };
}

export function asyncLoop(fn: () => unknown): MeasuredLoop {
  return {
    async: true,
    async window(calls) {
      const t0 = performance.now();
      const close = openHeapWindow();
      await runAsync(fn, calls);
      const heap = close();
      return { ...heap, ms: performance.now() - t0 };
    },
    async empty(calls) {
      const close = openHeapWindow();
      await runAsyncEmpty(calls);
      return close();
    },
  };
}
