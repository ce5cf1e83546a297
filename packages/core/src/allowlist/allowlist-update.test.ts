import { describe, expect, it, vi } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { parseAllowlist, serializeAllowlist, type AllowEntry } from './allowlist.js';
import { finishAllowlistRun, type AllowlistUpdateOptions } from './allowlist-update.js';
import type { GateReport } from '../session/gate-session.js';

const PATH = '/repo/perfgate.allow.json';
const NAME = 'perfgate.allow.json';

const ITEMS: AllowEntry = { shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/orders.ts', function: 'listOrders' };
const PRICES: AllowEntry = { shape: 'SELECT * FROM prices WHERE item_id = ?', file: 'src/orders.ts', function: '' };
const USERS: AllowEntry = { shape: 'SELECT * FROM users WHERE id = ?', file: 'src/comments.ts', function: 'listComments' };
const TAGS: AllowEntry = { shape: 'SELECT * FROM tags WHERE post_id = ?', site: 'unknown' };

const missing = (): string => {
  throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
};

/** Runs finishAllowlistRun on an allowlist holding `existing` (missing when undefined); returns the result and what was written. */
function finish(existing: readonly AllowEntry[] | undefined, reports: readonly GateReport[], options: Partial<AllowlistUpdateOptions> = {}) {
  const writeFile = vi.fn<(path: string, text: string) => void>();
  const readFile = existing === undefined ? missing : () => serializeAllowlist(existing);
  const result = finishAllowlistRun({ path: PATH, name: NAME, update: true, partial: false, reports, readFile, writeFile, ...options });
  return { ...result, writeFile };
}

describe('finishAllowlistRun', () => {
  it('adds the new findings of every worker on the update flag, writing the file once', () => {
    const { added, stale, lines, writeFile } = finish(
      [ITEMS],
      [
        { matched: [ITEMS], added: [PRICES] },
        { matched: [], added: [PRICES, USERS] },
      ],
    );
    expect(added).toEqual([PRICES, USERS]);
    expect(stale).toEqual([]);
    expect(writeFile).toHaveBeenCalledTimes(1);
    expect(writeFile).toHaveBeenCalledWith(PATH, serializeAllowlist([ITEMS, PRICES, USERS]));
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: added 2 N+1 entries to perfgate.allow.json:
        + src/orders.ts: SELECT * FROM prices WHERE item_id = ?
        + src/comments.ts (listComments): SELECT * FROM users WHERE id = ?"
    `);
  });

  it('creates the file when there was none, and says "entry" for one', () => {
    const { writeFile, lines } = finish(undefined, [{ matched: [], added: [TAGS] }]);
    expect(parseAllowlist(writeFile.mock.calls[0]![1], PATH).nPlusOne).toEqual([TAGS]);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: added 1 N+1 entry to perfgate.allow.json:
        + site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM tags WHERE post_id = ?"
    `);
  });

  it('writes nothing when no finding is new', () => {
    const { added, lines, writeFile } = finish([ITEMS, PRICES], [{ matched: [PRICES], added: [ITEMS] }]);
    expect(added).toEqual([]);
    expect(lines).toEqual([]);
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('writes nothing without the update flag, though it still returns the new findings', () => {
    const { added, lines, writeFile } = finish([ITEMS], [{ matched: [ITEMS], added: [PRICES] }], { update: false });
    expect(added).toEqual([PRICES]);
    expect(lines).toEqual([]);
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('reports entries no test needed as stale, and never removes them', () => {
    const { stale, lines, writeFile } = finish([ITEMS, PRICES, TAGS], [{ matched: [ITEMS], added: [USERS] }]);
    expect(stale).toEqual([TAGS, PRICES]);
    expect(parseAllowlist(writeFile.mock.calls[0]![1], PATH).nPlusOne).toHaveLength(4);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: added 1 N+1 entry to perfgate.allow.json:
        + src/comments.ts (listComments): SELECT * FROM users WHERE id = ?
      perfgate: 2 entries in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):
        - site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM tags WHERE post_id = ?
        - src/orders.ts: SELECT * FROM prices WHERE item_id = ?"
    `);
    expect(finish([ITEMS, PRICES], [{ matched: [ITEMS], added: [] }], { update: false }).lines).toMatchInlineSnapshot(`
      [
        "perfgate: 1 entry in perfgate.allow.json matched no N+1 in this run (stale; remove them if the N+1 is fixed):",
        "  - src/orders.ts: SELECT * FROM prices WHERE item_id = ?",
      ]
    `);
  });

  it('reports nothing stale for a partial run (a shard or a filter), which cannot tell', () => {
    const { stale, lines } = finish([ITEMS, PRICES], [{ matched: [], added: [] }], { partial: true });
    expect(stale).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('clips a long shape in the summary', () => {
    const long: AllowEntry = { shape: `SELECT ${Array.from({ length: 30 }, (_, i) => `column_${i}`).join(', ')} FROM wide WHERE id = ?`, file: 'src/wide.ts', function: 'load' };
    const [, line] = finish([], [{ matched: [], added: [long] }]).lines;
    expect(line).toMatchInlineSnapshot(`"  + src/wide.ts (load): SELECT column_0, column_1, column_2, column_3, column_4, column_5, column_6, column_7, column_8, co…"`);
  });

  it('#11.8b says what an added unknown-site entry accepts, and that old "file": "" entries were rewritten as "site": "unknown"', () => {
    const old: AllowEntry = { shape: 'SELECT * FROM users WHERE id = ?', file: '', function: '' };
    // As perfgate wrote it before: not through serializeAllowlist, which spells it the new way.
    const readFile = () => JSON.stringify({ version: 1, nPlusOne: [old, ITEMS] });
    const { writeFile, lines } = finish(undefined, [{ matched: [old, ITEMS], added: [TAGS] }], { readFile });
    expect(parseAllowlist(writeFile.mock.calls[0]![1], PATH).nPlusOne).toEqual([TAGS, { shape: old.shape, site: 'unknown' }, ITEMS]);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "perfgate: added 1 N+1 entry to perfgate.allow.json:
        + site unknown (accepts this shape wherever no stack reaches your code): SELECT * FROM tags WHERE post_id = ?
      perfgate: rewrote 1 old "file": "" entry as "site": "unknown" (the same meaning: no stack reached your code)."
    `);
  });

  it('#11.12 keeps the allowlist’s unknown top-level keys when it adds entries', () => {
    const writeFile = vi.fn<(path: string, text: string) => void>();
    const readFile = () => JSON.stringify({ $schema: './allow.schema.json', version: 1, nPlusOne: [ITEMS], owner: 'orders' });
    finishAllowlistRun({ path: PATH, name: NAME, update: true, partial: false, reports: [{ matched: [ITEMS], added: [USERS] }], readFile, writeFile });
    expect(JSON.parse(writeFile.mock.calls[0]![1])).toEqual({ $schema: './allow.schema.json', version: 1, nPlusOne: [USERS, ITEMS], owner: 'orders' });
  });

  it('throws for a corrupt allowlist, naming it, and never writes', () => {
    const writeFile = vi.fn();
    const error = thrownBy(() =>
      finishAllowlistRun({ path: PATH, name: NAME, update: true, partial: false, reports: [{ matched: [], added: [ITEMS] }], readFile: () => '{"version":1,"nPlusOne":[{}]}', writeFile }),
    );
    expect(error).toBeInstanceOf(PerfgateError);
    expect(error.message).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: "nPlusOne"[0] must be { "shape": string, "file": string, "function": string } or { "shape": string, "site": "unknown" }. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
    expect(writeFile).not.toHaveBeenCalled();
  });
});
