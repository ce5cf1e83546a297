/**
 * The runtime a baseline was recorded on: `node20-x64`, with `-pc` when V8
 * compresses pointers. Object sizes are V8's layouts, so they change with
 * V8 (a Node major pins one), with the word size of the architecture, and
 * with pointer compression (4-byte fields instead of 8); within one
 * runtime they are the same on every machine.
 */
export function runtimeKey(
  version: string = process.version,
  arch: string = process.arch,
  pointerCompression: boolean = Number((process.config.variables as unknown as Record<string, unknown>).v8_enable_pointer_compression) === 1,
): string {
  const major = /^v?(\d+)/.exec(version)?.[1] ?? version;
  return `node${major}-${arch}${pointerCompression ? '-pc' : ''}`;
}
