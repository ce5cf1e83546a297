import { GCProfiler, getHeapStatistics } from 'node:v8';

/** What the V8 heap saw between opening and closing a window. */
export interface HeapWindow {
  /** Bytes allocated on the V8 heap in the window: the growth of the used heap plus what each collection in it freed. */
  readonly bytes: number;
  /** Garbage collections that ran in the window. */
  readonly collections: number;
}

/**
 * Opens a window on the V8 heap; the returned function closes it. A
 * window allocates a few hundred bytes of its own (two statistics objects),
 * which the caller measures with an empty window and subtracts.
 *
 * Why this adds up: V8's used-heap size grows by every allocation and
 * shrinks only when a collection frees something, and `v8.GCProfiler`
 * reports the used heap before and after each collection. So allocated =
 * used(end) − used(start) + Σ (before − after) over the collections in the
 * window. Objects that were garbage before the window and are freed in it
 * would count too: callers collect garbage before opening one.
 */
export function openHeapWindow(): () => HeapWindow {
  const profiler = new GCProfiler();
  profiler.start();
  const start = getHeapStatistics().used_heap_size;
  return function closeHeapWindow() {
    const end = getHeapStatistics().used_heap_size;
    const { statistics } = profiler.stop();
    let freed = 0;
    for (const { beforeGC, afterGC } of statistics) freed += beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize;
    return { bytes: end - start + freed, collections: statistics.length };
  };
}
