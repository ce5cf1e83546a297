import { describe, expect, it } from 'vitest';
import { formatCount, formatMs, sourceLineHtml } from './format-figures.js';

describe('format figures', () => {
  it('gives short times more digits than long ones', () => {
    expect([0.254, 3.44, 120.6, 0].map(formatMs)).toEqual(['0.25 ms', '3.4 ms', '121 ms', '0 ms']);
  });

  it('groups thousands and keeps two digits of a fraction', () => {
    expect([6600, 2.3456].map(formatCount)).toEqual(['6,600', '2.35']);
  });

  it('escapes a call site and names its function', () => {
    expect(sourceLineHtml({ file: 'src/<a>.ts', line: 3, function: 'A.b' })).toBe('<code class="site">src/&lt;a&gt;.ts:3</code> <span class="fn">(A.b)</span>');
  });
});
