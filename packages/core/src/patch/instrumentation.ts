/** A handle on an applied instrumentation. `dispose()` is idempotent. */
export interface Instrumentation {
  dispose(): void;
}

interface Applied {
  refs: number;
  readonly undo: ReadonlyArray<() => void>;
}

const APPLIED_KEY = Symbol.for('perfgate.instrumentations.v1');
type GlobalWithApplied = typeof globalThis & { [APPLIED_KEY]?: Map<string, WeakMap<object, Applied>> };

function appliedFor(name: string): WeakMap<object, Applied> {
  const holder = globalThis as GlobalWithApplied;
  if (holder[APPLIED_KEY] === undefined) {
    Object.defineProperty(holder, APPLIED_KEY, { value: new Map(), enumerable: false });
  }
  const byName = holder[APPLIED_KEY]!;
  let applied = byName.get(name);
  if (applied === undefined) byName.set(name, (applied = new WeakMap()));
  return applied;
}

/**
 * Applies the instrumentation `name` to `target` once, however many times it
 * is asked for, and undoes it when every handle has been disposed. `apply`
 * pushes the undo of each patch as it makes it; undos run in reverse order,
 * also when `apply` throws halfway.
 */
export function acquireInstrumentation(name: string, target: object, apply: (undo: Array<() => void>) => void): Instrumentation {
  const registry = appliedFor(name);
  let applied = registry.get(target);
  if (applied === undefined) {
    const undo: Array<() => void> = [];
    try {
      apply(undo);
    } catch (error) {
      undo.reverse().forEach((fn) => fn());
      throw error;
    }
    applied = { refs: 0, undo };
    registry.set(target, applied);
  }
  applied.refs++;
  const current = applied;
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      if (--current.refs > 0) return;
      registry.delete(target);
      [...current.undo].reverse().forEach((fn) => fn());
    },
  };
}
