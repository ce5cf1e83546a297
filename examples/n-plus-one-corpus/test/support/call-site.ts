import { expect } from 'vitest';
import { markedLine } from './marked-line.js';

/** Matches a perfgate call site in `file` (relative to the package) on the line marked `// <marker>`. */
export function siteOf(file: string, marker: string): unknown {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.objectContaining({ file: expect.stringMatching(new RegExp(`(^|/)${escaped}$`)), line: markedLine(file, marker) });
}
