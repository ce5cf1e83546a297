import { readFileSync } from 'node:fs';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

/**
 * The 1-based line of `file` (relative to the package) that ends with the
 * comment `// <marker>`, so specs name the looped query without hard-coding
 * its line number.
 */
export function markedLine(file: string, marker: string): number {
  const lines = readFileSync(new URL(file, PACKAGE_ROOT), 'utf8').split('\n');
  const found = lines.flatMap((line, i) => (line.trimEnd().endsWith(`// ${marker}`) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`${file}: expected one line marked "// ${marker}", found ${found.length}`);
  return found[0]!;
}
