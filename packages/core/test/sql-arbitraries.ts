import fc from 'fast-check';
import type { SqlDialect } from '../src/sql/scan-sql.js';
import { SQL_KEYWORDS } from '../src/sql/sql-keywords.js';

/**
 * fast-check arbitraries for SQL statement templates with holes, so property
 * tests can vary every literal, list length and comment while the statement
 * shape must stay the same.
 */

/** Text that stresses a scanner: quotes, backslashes, comment and dollar markers, newlines, any code point. */
export const trickyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(fc.constantFrom("'", "''", '"', '`', '\\', "\\'", '--', '/*', '*/', '#', '$', '$$', '$q$', '\n', '\r\n', '?', '$1', ':x', '::', ' ', 'a', 'é'), {
      maxLength: 10,
    })
    .map((parts) => parts.join('')),
);

/** A dollar-quote tag the body cannot close early (PostgreSQL ends at the first occurrence of the tag). */
function dollarQuote(body: string): string {
  if (!body.includes('$')) return `$$${body}$$`;
  let n = 0;
  while (body.includes(`$t${n}`)) n++;
  return `$t${n}$${body}$t${n}$`;
}

function pgString(body: string, style: number): string {
  switch (style % 3) {
    case 0:
      return `'${body.replaceAll("'", "''")}'`;
    case 1:
      return `E'${body.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    default:
      return dollarQuote(body);
  }
}

function mysqlString(body: string, style: number): string {
  const escaped = body.replaceAll('\\', '\\\\');
  switch (style % 3) {
    case 0:
      return `'${escaped.replaceAll("'", "\\'")}'`;
    case 1:
      return `'${escaped.replaceAll("'", "''")}'`;
    default:
      return `"${escaped.replaceAll('"', '""')}"`;
  }
}

/** A number written in one of the ways SQL allows (sign included when negative). */
const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d.toFixed(3)),
  fc.double({ min: 0, max: 0.999, noNaN: true }).map((d) => d.toFixed(4).slice(1)), // `.1234`
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d.toExponential(2).toUpperCase()),
  fc.nat().map((n) => `0x${n.toString(16).toUpperCase()}`),
);

/** Any literal or placeholder of the dialect. */
export function literal(dialect: SqlDialect): fc.Arbitrary<string> {
  const quote = dialect === 'postgres' ? pgString : mysqlString;
  const placeholder =
    dialect === 'postgres'
      ? fc.oneof(fc.integer({ min: 1, max: 99 }).map((n) => `$${n}`), fc.constant(':name'))
      : fc.constantFrom('?', ':name');
  return fc.oneof(
    fc.tuple(trickyText, fc.nat()).map(([body, style]) => quote(body, style)),
    numberLiteral,
    fc.constantFrom('TRUE', 'false', 'True', 'NULL', 'null'),
    placeholder,
  );
}

/** What a template draws its holes from; holes are consumed in order and reused cyclically. */
export interface HoleSource {
  readonly literals: readonly string[];
  /** Lengths of IN lists, ARRAY literals and VALUES row counts. */
  readonly lengths: readonly number[];
  /** Text for comments, already free of the characters that would end the comment. */
  readonly comments: readonly string[];
}

export function holeSource(dialect: SqlDialect): fc.Arbitrary<HoleSource> {
  return fc.record({
    literals: fc.array(literal(dialect), { minLength: 1, maxLength: 30 }),
    lengths: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
    comments: fc.array(trickyText, { minLength: 1, maxLength: 3 }),
  });
}

/** The holes a template writes into its SQL text. */
export interface Holes {
  /** One literal or placeholder. */
  v(): string;
  /** A comma-separated list of literals of some length. */
  list(): string;
  /** `(…), (…)`: some number of rows of `width` literals each. */
  rows(width: number): string;
  /** Body of a block comment (no `/*` or `*\/`). */
  blockComment(): string;
  /** Body of a line comment (no newline). */
  lineComment(): string;
}

export function holes(source: HoleSource): Holes {
  let literalAt = 0;
  let lengthAt = 0;
  let commentAt = 0;
  const v = (): string => source.literals[literalAt++ % source.literals.length]!;
  const length = (): number => source.lengths[lengthAt++ % source.lengths.length]!;
  const comment = (): string => source.comments[commentAt++ % source.comments.length]!;
  return {
    v,
    list: () => Array.from({ length: length() }, v).join(', '),
    rows: (width) => Array.from({ length: length() }, () => `(${Array.from({ length: width }, v).join(', ')})`).join(', '),
    // Without `*` no `/*` or `*/` can form, even across what was removed.
    blockComment: () => comment().replaceAll('*', ''),
    lineComment: () => comment().replace(/\n/g, ' '),
  };
}

/** A statement with holes and the shape every filling of it must have. */
export interface StatementTemplate {
  readonly dialect: SqlDialect;
  readonly render: (h: Holes) => string;
  readonly shape: string;
}

export const STATEMENT_TEMPLATES: readonly StatementTemplate[] = [
  {
    dialect: 'postgres',
    render: (h) => `SELECT id, email FROM users WHERE id = ${h.v()} AND email = ${h.v()}`,
    shape: 'SELECT id, email FROM users WHERE id = ? AND email = ?',
  },
  {
    dialect: 'postgres',
    render: (h) => `select * from orders where status in (${h.list()}) and total > ${h.v()} order by id limit ${h.v()} offset ${h.v()}`,
    shape: 'SELECT * FROM orders WHERE status IN (...) AND total > ? ORDER BY id LIMIT ? OFFSET ?',
  },
  {
    dialect: 'postgres',
    render: (h) => `SELECT * FROM items WHERE tag_id = ANY(ARRAY[${h.list()}]) AND note <> ${h.v()}`,
    shape: 'SELECT * FROM items WHERE tag_id = ANY(ARRAY[...]) AND note <> ?',
  },
  {
    dialect: 'postgres',
    render: (h) => `INSERT INTO events (kind, payload, created_at) VALUES ${h.rows(3)} RETURNING id`,
    shape: 'INSERT INTO events (kind, payload, created_at) VALUES (?, ?, ?) RETURNING id',
  },
  {
    dialect: 'postgres',
    render: (h) => `UPDATE accounts SET balance = balance - ${h.v()}, note = ${h.v()} WHERE id = ${h.v()};`,
    shape: 'UPDATE accounts SET balance = balance - ?, note = ? WHERE id = ?',
  },
  {
    dialect: 'postgres',
    render: (h) => `DELETE FROM sessions WHERE expires_at < ${h.v()} OR user_id IN (${h.list()})`,
    shape: 'DELETE FROM sessions WHERE expires_at < ? OR user_id IN (...)',
  },
  {
    dialect: 'postgres',
    render: (h) =>
      `/* ${h.blockComment()} */ SELECT ${h.v()}::text AS label, "Order"."Total" FROM "Order" -- ${h.lineComment()}\n` +
      `WHERE "Order"."Id" BETWEEN ${h.v()} AND ${h.v()}`,
    shape: 'SELECT ?::text AS label, "Order"."Total" FROM "Order" WHERE "Order"."Id" BETWEEN ? AND ?',
  },
  {
    dialect: 'postgres',
    render: (h) => `WITH recent AS (SELECT id FROM orders WHERE placed_at > ${h.v()}) UPDATE orders SET flagged = ${h.v()} WHERE region IN (${h.list()})`,
    shape: 'WITH recent AS (SELECT id FROM orders WHERE placed_at > ?) UPDATE orders SET flagged = ? WHERE region IN (...)',
  },
  {
    dialect: 'mysql',
    render: (h) => `SELECT id, email FROM users WHERE id = ${h.v()} AND email = ${h.v()} # ${h.lineComment()}`,
    shape: 'SELECT id, email FROM users WHERE id = ? AND email = ?',
  },
  {
    dialect: 'mysql',
    render: (h) => `SELECT * FROM \`orders\` WHERE status IN (${h.list()}) -- ${h.lineComment()}\nLIMIT ${h.v()}`,
    shape: 'SELECT * FROM `orders` WHERE status IN (...) LIMIT ?',
  },
  {
    dialect: 'mysql',
    render: (h) => `INSERT INTO events (kind, payload) VALUES ${h.rows(2)} ON DUPLICATE KEY UPDATE payload = VALUES(payload)`,
    shape: 'INSERT INTO events (kind, payload) VALUES (?, ?) ON DUPLICATE KEY UPDATE payload = VALUES (payload)',
  },
  {
    dialect: 'mysql',
    render: (h) => `UPDATE \`Accounts\` SET balance = balance - ${h.v()} /* ${h.blockComment()} */ WHERE id = ${h.v()}`,
    shape: 'UPDATE `Accounts` SET balance = balance - ? WHERE id = ?',
  },
  {
    dialect: 'mysql',
    render: (h) => `DELETE FROM sessions WHERE user_id IN (${h.list()}) AND created_at < ${h.v()}`,
    shape: 'DELETE FROM sessions WHERE user_id IN (...) AND created_at < ?',
  },
];

/** An unquoted identifier that the scanner keeps as written (not a keyword, boolean or NULL). */
export const plainIdentifier: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/)
  .filter((name) => {
    const upper = name.toUpperCase();
    return !SQL_KEYWORDS.has(upper) && upper !== 'TRUE' && upper !== 'FALSE' && upper !== 'NULL';
  });

/** A quoted identifier of the dialect (MySQL backticks, PostgreSQL double quotes), its quote doubled inside. */
export function quotedIdentifier(dialect: SqlDialect): fc.Arbitrary<string> {
  const quote = dialect === 'mysql' ? '`' : '"';
  return fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), trickyText.filter((s) => s !== '')).map((body) => `${quote}${body.replaceAll(quote, quote + quote)}${quote}`);
}

/** A column reference as ORMs write it: one to three parts (`schema.table.column`), each quoted or not. */
export function columnReference(dialect: SqlDialect): fc.Arbitrary<string> {
  return fc.array(fc.oneof(quotedIdentifier(dialect), plainIdentifier), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
}

/** Binary operators that sit between two column references. */
export const COMPARISON_OPERATORS = ['=', '<>', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '||'] as const;

/** What may separate an operator from its operands without changing the statement: nothing, spaces, a comment. */
export function operatorGap(dialect: SqlDialect): fc.Arbitrary<string> {
  return fc.constantFrom('', ' ', '\n\t', '/* c */', ' /*c*/ ', '-- c\n', ...(dialect === 'mysql' ? ['# c\n'] : []));
}
