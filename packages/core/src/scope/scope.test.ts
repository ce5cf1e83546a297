import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { isScope, Scope } from './scope.js';

const makeScope = () => new Scope({ kind: 'function', name: 'f', traceId: 'f'.repeat(32), maxQueries: 10 });

/** Which settles first: `promise` or a `ms` timer. */
function settlesFirst(promise: Promise<unknown>, ms: number): Promise<'promise' | 'timer'> {
  return Promise.race([promise.then(() => 'promise' as const), delay(ms).then(() => 'timer' as const)]);
}

describe('Scope', () => {
  it('is open until closed, and closing twice keeps the first end time', async () => {
    const scope = makeScope();
    expect(scope.closed).toBe(false);
    expect(scope.endedAt).toBeUndefined();
    scope.close();
    const endedAt = scope.endedAt;
    expect(scope.closed).toBe(true);
    expect(endedAt).toBeGreaterThanOrEqual(scope.startedAt);
    await delay(5);
    scope.close();
    expect(scope.endedAt).toBe(endedAt);
  });

  it('whenClosed resolves when the scope closes, before the timeout', async () => {
    const scope = makeScope();
    const waiting = [scope.whenClosed(60_000), scope.whenClosed(60_000)];
    expect(await settlesFirst(Promise.race(waiting), 20)).toBe('timer');
    scope.close();
    expect(await settlesFirst(Promise.all(waiting), 1_000)).toBe('promise');
  });

  it('whenClosed resolves after the timeout when the scope stays open', async () => {
    vi.useFakeTimers();
    try {
      const scope = makeScope();
      let resolved = false;
      void scope.whenClosed(30).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(29);
      expect(resolved).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(resolved).toBe(true);
      expect(scope.closed).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('whenClosed resolves at once for a closed scope', async () => {
    const scope = makeScope();
    scope.close();
    expect(await settlesFirst(scope.whenClosed(60_000), 20)).toBe('promise');
  });

  it('isScope recognises scopes by their brand only', () => {
    expect(isScope(makeScope())).toBe(true);
    expect(isScope({ traceId: 'x', queries: [] })).toBe(false);
    expect(isScope(null)).toBe(false);
    expect(isScope('scope')).toBe(false);
  });
});
