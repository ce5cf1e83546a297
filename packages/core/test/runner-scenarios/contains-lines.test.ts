import { describe, expect, test } from 'vitest';
import { containsLines } from './contains-lines.js';

const text = 'Outside every scope:\n  1 query ran outside any scope\n\n  first: pglite SELECT 1';

describe('containsLines', () => {
  test('finds the text as vitest prints it, and as jest indents a console.warn', () => {
    expect(containsLines(`stderr | x.spec.ts\n${text} from a.ts:1\n`, text)).toBe(true);
    const jest = '  console.warn\n    perfgate: …\n\n      Outside every scope:\n        1 query ran outside any scope\n\n        first: pglite SELECT 1 from a.ts:1\n';
    expect(containsLines(jest, text)).toBe(true);
  });

  test('keeps the relative indentation, the order of the lines and the margin the same throughout', () => {
    expect(containsLines('    Outside every scope:\n    1 query ran outside any scope\n\n    first: pglite SELECT 1', text)).toBe(false);
    expect(containsLines('    Outside every scope:\n      first: pglite SELECT 1\n      1 query ran outside any scope', text)).toBe(false);
    expect(containsLines('    Outside every scope:\n      1 query ran outside any scope\n\n        first: pglite SELECT 1', text)).toBe(false);
    expect(containsLines('Outside every scope:\nx  1 query ran outside any scope\n\n  first: pglite SELECT 1', text)).toBe(false);
  });

  test('a single line is a plain substring', () => {
    expect(containsLines('a b c', 'b')).toBe(true);
    expect(containsLines('a\n  b', '  b')).toBe(true);
    expect(containsLines('a\n    b', 'c')).toBe(false);
  });
});
