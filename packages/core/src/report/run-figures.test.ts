import { describe, expect, it } from 'vitest';
import type { AllowEntry } from '../allowlist/allowlist.js';
import type { BaselineEntry } from '../baselines/baseline-session.js';
import { allowlistFigure, baselineFigures, reportPath } from './run-figures.js';

const ITEMS: AllowEntry = { shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/orders.ts', function: 'listOrders' };
const TAGS: AllowEntry = { shape: 'SELECT * FROM tags WHERE post_id = ?', site: 'unknown' };
const USERS: AllowEntry = { shape: 'SELECT * FROM users WHERE id = ?', file: 'src/users.ts', function: '' };

describe('reportPath', () => {
  it('is relative to the root with / separators', () => {
    expect(reportPath('/repo', '/repo/packages/api/perfgate.allow.json')).toBe('packages/api/perfgate.allow.json');
  });
});

describe('allowlistFigure', () => {
  it("merges the workers' matched and unlisted entries once each, and takes the run's added and stale", () => {
    const figure = allowlistFigure(
      'perfgate.allow.json',
      [
        { matched: [ITEMS], added: [], unlisted: [TAGS] },
        { matched: [ITEMS], added: [], unlisted: [TAGS, USERS] },
      ],
      { added: [], stale: [] },
    );
    expect(figure).toEqual({ path: 'perfgate.allow.json', matched: [ITEMS], unlisted: [TAGS, USERS], added: [], stale: [] });
  });

  it('lists nothing as unlisted that the run added', () => {
    const figure = allowlistFigure('perfgate.allow.json', [{ matched: [], added: [TAGS] }], { added: [TAGS], stale: [ITEMS] });
    expect(figure).toEqual({ path: 'perfgate.allow.json', matched: [], unlisted: [], added: [TAGS], stale: [ITEMS] });
  });
});

describe('baselineFigures', () => {
  const allocation: BaselineEntry = { file: '/repo/perfgate.baselines.json', test: 'renders', runtime: 'node-20', metric: 'bytes/op', value: 4096, was: 3000, change: 'updated' };
  const latency: BaselineEntry = { file: '/repo/perfgate.baselines.json', test: 'GET /', runtime: 'ci', metric: 'p99 ms', value: 12, rounds: [11, 12, 13], queriesPerRequest: 2, change: 'new' };

  it('names the metric and marks what the run wrote: never under CI, never into a file it could not update', () => {
    expect(baselineFigures('/repo', [allocation, latency], false, new Set())).toMatchInlineSnapshot(`
      [
        {
          "baseline": 3000,
          "change": "updated",
          "file": "perfgate.baselines.json",
          "metric": "allocation",
          "runtime": "node-20",
          "test": "renders",
          "value": 4096,
          "written": true,
        },
        {
          "change": "new",
          "file": "perfgate.baselines.json",
          "metric": "latency",
          "queriesPerRequest": 2,
          "rounds": [
            11,
            12,
            13,
          ],
          "runtime": "ci",
          "test": "GET /",
          "value": 12,
          "written": true,
        },
      ]
    `);
    expect(baselineFigures('/repo', [allocation], true, new Set()).map((b) => b.written)).toEqual([false]);
    expect(baselineFigures('/repo', [allocation], false, new Set(['/repo/perfgate.baselines.json'])).map((b) => b.written)).toEqual([false]);
  });
});
