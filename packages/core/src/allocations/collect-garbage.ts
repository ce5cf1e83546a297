import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options?: { type?: 'major' | 'minor' }) => void;

let gc: GcFunction | undefined;

/**
 * V8's `gc()`: the one `--expose-gc` put on the global, or — so the user
 * passes no flag — one taken from a fresh context with the flag switched on
 * for that moment only (later contexts, such as jest's next test file, get
 * no `gc` global from perfgate).
 */
function gcFunction(): GcFunction {
  if (gc !== undefined) return gc;
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return (gc = exposed as GcFunction);
  setFlagsFromString('--expose-gc');
  try {
    gc = runInNewContext('gc') as GcFunction;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return gc;
}

/**
 * Collects garbage now: `'major'` empties the whole heap of garbage (about
 * 10 ms for a test worker's heap), `'minor'` only the young generation
 * (well under 1 ms), which is where a measured function's garbage lands.
 */
export function collectGarbage(type: 'major' | 'minor' = 'major'): void {
  gcFunction()({ type });
}
