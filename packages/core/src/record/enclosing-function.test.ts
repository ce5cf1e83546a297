import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankLiterals, enclosingFunctionName } from './enclosing-function.js';

const SOURCE = `import type { PGlite } from '@electric-sql/pglite';
/** Known debt: one query per order. { */
export async function listLegacyOrders(db: PGlite): Promise<unknown[]> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM orders }');
  for (const order of rows) {
    result.push((await db.query(\`SELECT \${order.id} }\`, [order.id])).rows); // MARK:loop
  }
}
export class OrderRepo extends Base implements Repo {
  constructor(private db: Db) { super(); init(); } // MARK:ctor
  async list(db: { query(s: string): Promise<unknown> }): Promise<{ a: string }> {
    if (db) { await db.query('x' / 2); } // MARK:method
    return rows.map(async (r) => { await q(r); }); // MARK:callback
  }
  static async *pages<T>(a: T) { yield load(a); } // MARK:static
  field = load(); // MARK:field
}
const loadAll = async (ids: number[]): Promise<void> => { await q(/}/g, ids); }; // MARK:arrow
const legacy = function () { go(); }; // MARK:expression
function outer() { return [1].forEach(function named() { go(); }); } // MARK:named
`;

/** The line and column of the start of the line marked `// MARK:<name>`, past its indentation. */
function mark(name: string): [number, number] {
  const lines = SOURCE.split('\n');
  const line = lines.findIndex((text) => text.endsWith(`// MARK:${name}`));
  const text = lines[line]!;
  // The last call on the line, where a stack frame would point.
  return [line + 1, text.lastIndexOf('(', text.indexOf('//')) - 2];
}

describe('enclosingFunctionName', () => {
  it.each([
    ['loop', 'listLegacyOrders'],
    ['ctor', 'OrderRepo'],
    ['method', 'OrderRepo.list'],
    ['callback', undefined],
    ['static', 'OrderRepo.pages'],
    ['field', undefined],
    ['arrow', 'loadAll'],
    ['expression', 'legacy'],
    ['named', 'named'],
  ])('#11.9 names the function around a position as V8 names native code: %s → %s', (name, expected) => {
    expect(enclosingFunctionName(SOURCE, ...mark(name))).toBe(expected);
  });

  it('is undefined outside any function and past the end', () => {
    expect(enclosingFunctionName(SOURCE, 1, 5)).toBeUndefined();
    expect(enclosingFunctionName(SOURCE, 500, 1)).toBeUndefined();
  });
});

describe('blankLiterals', () => {
  it('blanks comments, strings, templates (not their expressions) and regular expressions', () => {
    expect(blankLiterals("a('}') // }\nb(`x${c({})}y`, /}/g, 4 / 2) /* { */")).toBe("a(' ')     \nb(` ${c({})} `, / /g, 4 / 2)        ");
  });

  it('keeps the length and every newline of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '{', '}', '(', ')', '/', '*', '`', '$', "'", '"', '\\', '\n', ' ', '=') }), (text) => {
        const blanked = blankLiterals(text);
        expect(blanked).toHaveLength(text.length);
        expect([...blanked].map((c, i) => (c === '\n') === (text[i] === '\n')).every(Boolean)).toBe(true);
      }),
    );
  });
});
