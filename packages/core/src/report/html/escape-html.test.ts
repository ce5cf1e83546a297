import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';

/** What a browser reads back from escaped text, for the five entities escapeHtml writes. */
function unescape(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

describe('escapeHtml', () => {
  it('turns markup in a shape or a name into text', () => {
    expect(escapeHtml(`WHERE "a" <> '</code><script>x()</script>' & b`)).toMatchInlineSnapshot(`"WHERE &quot;a&quot; &lt;&gt; &#39;&lt;/code&gt;&lt;script&gt;x()&lt;/script&gt;&#39; &amp; b"`);
  });

  it('writes numbers as their text', () => {
    expect(escapeHtml(1.5)).toBe('1.5');
  });

  it('leaves no character that opens a tag, an entity or ends a quoted attribute, and reads back as the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ';', '#', ' ', 'é', '😀') }), (text) => {
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
        expect(unescape(html)).toBe(text);
      }),
    );
  });
});
