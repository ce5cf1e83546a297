import { describe, expect, it } from 'vitest';
import { findingsHtml } from './findings.js';

describe('findingsHtml', () => {
  it('marks known debt, and says when the call site is unknown and how many runs went past the record limit', () => {
    const html = findingsHtml([{ type: 'duplicate', shape: 'SELECT ? FROM "t"', count: 4, allowlisted: true, pastRecordLimit: 2, label: 'T.findOne' }]);
    expect(html).toMatchInlineSnapshot(
      `"<ul class="findings"><li class="finding allowlisted"><div class="finding-head"><span class="badge duplicate">duplicate</span> <span class="badge allowlisted">allowlisted</span> <strong>4 ×</strong> <code class="shape">SELECT ? FROM &quot;t&quot;</code></div><div class="finding-line">2 runs past the record limit (maxQueriesPerScope): counted, without parameters or call site</div><div class="finding-line"><span class="key">by</span> <code>T.findOne</code></div><div class="finding-line"><span class="key">from</span> <span class="muted">call site unknown</span></div></li></ul>"`,
    );
  });

  it('draws nothing for a scope without findings', () => {
    expect(findingsHtml([])).toBe('');
  });
});
