type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Sees how a driver's query object finishes without listening to it: an
 * 'error' listener would change what happens to an error nobody handles
 * (pg-query-stream and mysql treat an unlistened error as the user's to see).
 * Wraps `names` on the instance; the first call of any of them puts the
 * instance's own properties back as they were, runs `observe` with the
 * method's name and arguments, then calls the method with the same `this`
 * and arguments and returns what it returns.
 */
export function observeFirstCall(target: object, names: readonly string[], observe: (name: string, args: readonly unknown[]) => void): void {
  const methods = target as Record<string, unknown>;
  const own = names.map((name) => Object.getOwnPropertyDescriptor(target, name));
  const restore = () =>
    names.forEach((name, i) => {
      if (own[i] === undefined) delete methods[name];
      else Object.defineProperty(target, name, own[i]!);
    });
  for (const name of names) {
    const method = methods[name];
    if (typeof method !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      restore();
      observe(name, args);
      return (method as Method).apply(this, args);
    };
  }
}
