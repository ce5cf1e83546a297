import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { findRepeatedStatements } from '../analysis/n-plus-one.js';
import { PerfgateError } from '../errors.js';
import { startQuery } from '../record/recorder.js';
import { getRuntime } from '../runtime.js';
import { recordQueries } from '../scope/record-queries.js';
import { allowEntryOf, allowKey, EMPTY_ALLOWLIST, isUnknownSite, parseAllowlist, readAllowlist, serializeAllowlist, type AllowEntry } from './allowlist.js';

const PATH = '/repo/perfgate.allow.json';

const ORDERS: AllowEntry = { shape: 'SELECT * FROM orders WHERE user_id = ?', file: 'src/users.ts', function: 'listUsers' };
const ITEMS: AllowEntry = { shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/orders.ts', function: 'listOrders' };
const PRICES: AllowEntry = { shape: 'SELECT * FROM prices WHERE item_id = ?', file: 'src/orders.ts', function: 'listOrders' };
const UNKNOWN: AllowEntry = { shape: 'SELECT * FROM tags WHERE post_id = ?', file: '', function: '' };

/** The message of the CORRUPT_FILE error `parseAllowlist` throws for `text`, with JSON.parse's own words (they vary by Node version) elided. */
function corruption(text: string): string {
  const error = thrownBy(() => parseAllowlist(text, PATH));
  expect(error).toBeInstanceOf(PerfgateError);
  expect((error as PerfgateError).code).toBe('CORRUPT_FILE');
  let parseMessage = '';
  try {
    JSON.parse(text);
  } catch (jsonError) {
    parseMessage = (jsonError as Error).message;
  }
  return parseMessage === '' ? error.message : error.message.replace(parseMessage, '<JSON.parse message>');
}

const savedSettings = { ...getRuntime().settings };
afterEach(() => {
  Object.assign(getRuntime().settings, savedSettings);
});

describe('parseAllowlist', () => {
  it('reads a valid file', () => {
    expect(parseAllowlist(JSON.stringify({ version: 1, nPlusOne: [ITEMS, UNKNOWN] }), PATH)).toEqual({ version: 1, nPlusOne: [ITEMS, UNKNOWN] });
    expect(parseAllowlist('{"version":1,"nPlusOne":[]}', PATH)).toEqual(EMPTY_ALLOWLIST);
  });

  it('rejects text that is not JSON', () => {
    expect(corruption('{"version": 1,')).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: invalid JSON (<JSON.parse message>). It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
  });

  it('rejects JSON that is not an object', () => {
    expect(corruption('[]')).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: expected an object, found an empty array. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
    expect(corruption('null')).toMatch(/: expected an object, found null\. /);
  });

  it('rejects a wrong or missing version', () => {
    expect(corruption('{"version":2,"nPlusOne":[]}')).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: "version" must be 1, found number 2. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
    expect(corruption('{"nPlusOne":[]}')).toMatch(/: "version" must be 1, found undefined\. /);
  });

  it('rejects an nPlusOne that is not an array', () => {
    expect(corruption('{"version":1,"nPlusOne":{}}')).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: "nPlusOne" must be an array, found an object. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
    expect(corruption('{"version":1}')).toMatch(/: "nPlusOne" must be an array, found undefined\. /);
  });

  it('names the index of the first bad entry', () => {
    expect(corruption(JSON.stringify({ version: 1, nPlusOne: [ITEMS, { ...ORDERS, function: null }, 'x'] }))).toMatchInlineSnapshot(
      `"perfgate: /repo/perfgate.allow.json is not a valid allowlist: "nPlusOne"[1] must be { "shape": string, "file": string, "function": string } or { "shape": string, "site": "unknown" }. It was left as it is; fix it by hand, or delete it and run the tests with the update flag (-u)."`,
    );
    expect(corruption(JSON.stringify({ version: 1, nPlusOne: [null] }))).toMatch(/: "nPlusOne"\[0\] must be /);
    expect(corruption(JSON.stringify({ version: 1, nPlusOne: [{ shape: 'x', file: 'y' }] }))).toMatch(/: "nPlusOne"\[0\] must be /);
  });
});

describe('readAllowlist', () => {
  const enoent = () => Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });

  it('treats a missing file as an empty allowlist', () => {
    expect(
      readAllowlist(PATH, () => {
        throw enoent();
      }),
    ).toEqual(EMPTY_ALLOWLIST);
  });

  it('reads the file at the path it was given', () => {
    const paths: string[] = [];
    const allowlist = readAllowlist(PATH, (path) => {
      paths.push(path);
      return serializeAllowlist([ITEMS]);
    });
    expect(paths).toEqual([PATH]);
    expect(allowlist.nPlusOne).toEqual([ITEMS]);
  });

  it('lets any other read error through unchanged', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(
      thrownBy(() =>
        readAllowlist(PATH, () => {
          throw denied;
        }),
      ),
    ).toBe(denied);
  });

  it('throws for a corrupt file, naming it', () => {
    const error = thrownBy(() => readAllowlist(PATH, () => 'not json'));
    expect(error).toBeInstanceOf(PerfgateError);
    expect(error.message).toMatch(/^perfgate: \/repo\/perfgate\.allow\.json is not a valid allowlist: invalid JSON/);
  });

  it('reads from the file system by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-allowlist-'));
    try {
      expect(readAllowlist(join(dir, 'missing.json'))).toEqual(EMPTY_ALLOWLIST);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('#11.12 a directory at the allowlist path is an error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-allowlist-'));
    try {
      const error = thrownBy(() => readAllowlist(dir));
      expect(error).toBeInstanceOf(PerfgateError);
      expect(error.message.replace(dir, '<dir>')).toMatchInlineSnapshot(`"perfgate: the allowlist <dir> is a directory; the "allowlist" option names a file, such as perfgate.allow.json."`);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('#11.12 accepts a byte-order mark, as Windows editors write it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perfgate-allowlist-'));
    try {
      writeFileSync(join(dir, 'perfgate.allow.json'), `\uFEFF${serializeAllowlist([ITEMS])}`);
      expect(readAllowlist(join(dir, 'perfgate.allow.json')).nPlusOne).toEqual([ITEMS]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('serializeAllowlist', () => {
  it('writes entries sorted by file, function and shape, without duplicates, ending in a newline', () => {
    const text = serializeAllowlist([PRICES, ORDERS, ITEMS, UNKNOWN, { ...ITEMS }, { ...ORDERS, extra: true } as AllowEntry]);
    expect(text).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "nPlusOne": [
          {
            "shape": "SELECT * FROM tags WHERE post_id = ?",
            "site": "unknown"
          },
          {
            "shape": "SELECT * FROM items WHERE order_id = ?",
            "file": "src/orders.ts",
            "function": "listOrders"
          },
          {
            "shape": "SELECT * FROM prices WHERE item_id = ?",
            "file": "src/orders.ts",
            "function": "listOrders"
          },
          {
            "shape": "SELECT * FROM orders WHERE user_id = ?",
            "file": "src/users.ts",
            "function": "listUsers"
          }
        ]
      }
      "
    `);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('#11.12 keeps the top-level keys it does not know, in their places, through a rewrite', () => {
    const text = `{\n  "$schema": "./allow.schema.json",\n  "version": 1,\n  "nPlusOne": [],\n  "owner": { "team": "orders" }\n}\n`;
    const rewritten = serializeAllowlist([ITEMS], parseAllowlist(text, PATH));
    expect(Object.keys(JSON.parse(rewritten))).toEqual(['$schema', 'version', 'nPlusOne', 'owner']);
    expect(JSON.parse(rewritten)).toEqual({ $schema: './allow.schema.json', version: 1, nPlusOne: [ITEMS], owner: { team: 'orders' } });
    expect(parseAllowlist(serializeAllowlist([]), PATH)).toEqual(EMPTY_ALLOWLIST);
  });

  it('round-trips through parseAllowlist, and is stable', () => {
    const text = serializeAllowlist([ORDERS, ITEMS, PRICES, UNKNOWN]);
    const parsed = parseAllowlist(text, PATH);
    expect(new Set(parsed.nPlusOne.map(allowKey))).toEqual(new Set([ORDERS, ITEMS, PRICES, UNKNOWN].map(allowKey)));
    expect(serializeAllowlist(parsed.nPlusOne)).toBe(text);
    expect(serializeAllowlist([])).toBe('{\n  "version": 1,\n  "nPlusOne": []\n}\n');
  });
});

describe('allowEntryOf', () => {
  function loadItems(): void {
    for (const id of [1, 2, 3]) startQuery({ sql: 'SELECT * FROM items WHERE order_id = $1', values: [id], source: 'test', dialect: 'postgres' });
  }
  const loopFinding = async () => findRepeatedStatements((await recordQueries(loadItems)).queries).nPlusOne[0]!;

  it('keys a finding by shape, the call site’s file and function (not its line)', async () => {
    expect(allowEntryOf(await loopFinding())).toEqual({ shape: 'SELECT * FROM items WHERE order_id = ?', file: 'src/allowlist/allowlist.test.ts', function: 'loadItems' });
  });

  it('#11.8b keys a finding without a call site explicitly, as "site": "unknown", never as an empty file and function', async () => {
    getRuntime().settings.callSites = false;
    expect(allowEntryOf(await loopFinding())).toEqual({ shape: 'SELECT * FROM items WHERE order_id = ?', site: 'unknown' });
  });

  it('#11.8b reads an old "file": "" entry as "site": "unknown" (the findings it accepted are the same), and rewrites it so', () => {
    const old = parseAllowlist(JSON.stringify({ version: 1, nPlusOne: [UNKNOWN] }), PATH).nPlusOne[0]!;
    expect(isUnknownSite(old)).toBe(true);
    expect(allowKey(old)).toBe(allowKey({ shape: UNKNOWN.shape, site: 'unknown' }));
    expect(allowKey(old)).not.toBe(allowKey({ ...UNKNOWN, file: 'src/tags.ts' }));
    expect(JSON.parse(serializeAllowlist([old, { shape: UNKNOWN.shape, site: 'unknown' }])).nPlusOne).toEqual([{ shape: UNKNOWN.shape, site: 'unknown' }]);
  });

  it('#11.8b rejects a "site" other than "unknown", and a "site" beside a file', () => {
    expect(corruption(JSON.stringify({ version: 1, nPlusOne: [{ shape: 'x', site: 'src/a.ts' }] }))).toMatch(/: "nPlusOne"\[0\] must be /);
    expect(corruption(JSON.stringify({ version: 1, nPlusOne: [{ shape: 'x', site: 'unknown', file: 'src/a.ts', function: '' }] }))).toMatch(/: "nPlusOne"\[0\] must be /);
  });

  it('gives entries that differ in any field different keys', () => {
    const keys = [ITEMS, { ...ITEMS, shape: 'x' }, { ...ITEMS, file: 'x' }, { ...ITEMS, function: 'x' }].map(allowKey);
    expect(new Set(keys).size).toBe(4);
    expect(allowKey({ ...ITEMS })).toBe(allowKey(ITEMS));
  });
});
