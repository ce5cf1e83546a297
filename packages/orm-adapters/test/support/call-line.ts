/** The line `here()` is called from, as the recorder's call sites report it (vitest maps stacks to the TypeScript source). */
export function here(): number {
  return Number(/:(\d+):\d+\)?$/.exec(new Error().stack!.split('\n')[2]!)![1]);
}
