import { SQL_KEYWORDS, VALUE_CONTEXT_KEYWORDS } from './sql-keywords.js';

export type SqlDialect = 'postgres' | 'mysql';

/**
 * - `value`: a literal or a placeholder, printed `?`
 * - `word`: keyword (upper-cased) or unquoted identifier (kept as written)
 * - `ident`: quoted identifier, kept as written
 * - `punct`: one of `( ) [ ] , ; .`
 * - `op`: a run of operator characters (`=`, `<>`, `::`, `->>`, …)
 */
export type SqlTokenType = 'value' | 'word' | 'ident' | 'punct' | 'op';

export interface SqlToken {
  readonly type: SqlTokenType;
  readonly text: string;
}

const VALUE: SqlToken = { type: 'value', text: '?' };

// No backtick: it opens a MySQL identifier, even right after an operator (`a`=`b`).
const OP_CHARS = new Set('+-*/<>=~!@#%^&|?:'.split(''));
const PUNCT_CHARS = new Set('()[],;.'.split(''));

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9') || c === '$';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Index just past a quoted run that started at `start` (the opening quote). */
function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        i += 2; // doubled quote is an escaped quote
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length; // unterminated: the rest is the literal
}

/** Matches `$tag$` at `start`; returns the tag (with dollars) or undefined. */
function dollarTag(sql: string, start: number): string | undefined {
  let i = start + 1;
  if (sql[i] === '$') return '$$';
  const first = sql[i];
  if (first === undefined || !isIdentStart(first)) return undefined;
  while (i < sql.length && isIdentPart(sql[i]!) && sql[i] !== '$') i++;
  return sql[i] === '$' ? sql.slice(start, i + 1) : undefined;
}

function skipNumber(sql: string, start: number): number {
  let i = start;
  if (sql[i] === '0' && /[xXbBoO]/.test(sql[i + 1] ?? '')) {
    i += 2;
    while (i < sql.length && /[0-9a-fA-F_]/.test(sql[i]!)) i++;
    return i;
  }
  while (isDigit(sql[i]) || sql[i] === '_') i++;
  if (sql[i] === '.' && sql[i + 1] !== '.') {
    i++;
    while (isDigit(sql[i]) || sql[i] === '_') i++;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && (isDigit(sql[i + 1]) || ((sql[i + 1] === '+' || sql[i + 1] === '-') && isDigit(sql[i + 2])))) {
    i += 2;
    while (isDigit(sql[i])) i++;
  }
  return i;
}

/** A sign directly before a number is part of the literal when no operand precedes it. */
function signBelongsToNumber(previous: SqlToken | undefined): boolean {
  if (previous === undefined) return true;
  if (previous.type === 'op') return true;
  if (previous.type === 'punct') return previous.text === '(' || previous.text === ',' || previous.text === '[';
  return previous.type === 'word' && VALUE_CONTEXT_KEYWORDS.has(previous.text);
}

/** `t.5` qualifies a name; after a keyword such as SELECT or THEN, `.5` is a number. */
function isQualifier(previous: SqlToken | undefined): boolean {
  return previous?.type === 'ident' || (previous?.type === 'word' && !VALUE_CONTEXT_KEYWORDS.has(previous.text));
}

/** Whether the operator run being scanned ends before `sql[j]`, an operator character. */
function endsOperator(sql: string, j: number, mysql: boolean): boolean {
  const c = sql[j]!;
  const next = sql[j + 1];
  if ((c === '-' || c === '+') && isDigit(next)) return true;
  if (c === '-' && next === '-') return true;
  if (c === '/' && next === '*') return true;
  if (c === '#' && mysql) return true;
  if (c === '?') return true;
  return c === ':' && sql[j - 1] !== ':' && next !== undefined && isIdentStart(next);
}

/**
 * Splits SQL into tokens, dropping comments and whitespace and turning every
 * literal and placeholder into one `value` token. A hand-written scanner, so
 * `--` inside a string is not a comment, `col2` is not a number and `::text`
 * is a cast, in both PostgreSQL and MySQL.
 */
export function scanSql(sql: string, dialect: SqlDialect): SqlToken[] {
  const tokens: SqlToken[] = [];
  const mysql = dialect === 'mysql';
  let i = 0;
  const push = (token: SqlToken): void => {
    tokens.push(token);
  };

  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];

    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    // MySQL needs whitespace after `--` for a comment: `5--1` is 5 minus -1 there.
    if ((c === '-' && next === '-' && (!mysql || i + 2 >= sql.length || /\s/.test(sql[i + 2]!))) || (mysql && c === '#')) {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      // PostgreSQL nests block comments; MySQL does not, and nesting is rare there.
      let depth = 0;
      while (i < sql.length) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          i += 2;
          if (--depth === 0 || mysql) break;
        } else i++;
      }
      continue;
    }
    if (c === "'") {
      i = skipQuoted(sql, i, "'", mysql);
      push(VALUE);
      continue;
    }
    if (c === '"') {
      const end = skipQuoted(sql, i, '"', mysql);
      push(mysql ? VALUE : { type: 'ident', text: sql.slice(i, end) });
      i = end;
      continue;
    }
    if (c === '`') {
      const end = skipQuoted(sql, i, '`', false);
      push({ type: 'ident', text: sql.slice(i, end) });
      i = end;
      continue;
    }
    if (c === '$') {
      if (isDigit(next)) {
        i++;
        while (isDigit(sql[i])) i++;
        push(VALUE);
        continue;
      }
      const tag = mysql ? undefined : dollarTag(sql, i);
      if (tag !== undefined) {
        const close = sql.indexOf(tag, i + tag.length);
        i = close === -1 ? sql.length : close + tag.length;
        push(VALUE);
        continue;
      }
    }
    if (isDigit(c) || (c === '.' && isDigit(next) && !isQualifier(tokens.at(-1)))) {
      const end = skipNumber(sql, i);
      if (end < sql.length && isIdentPart(sql[end]!)) {
        // `1abc` is an identifier in MySQL; keep it as a word.
        let j = end;
        while (j < sql.length && isIdentPart(sql[j]!)) j++;
        push({ type: 'word', text: sql.slice(i, j) });
        i = j;
        continue;
      }
      const previous = tokens.at(-1);
      if (previous?.type === 'op' && (previous.text === '-' || previous.text === '+') && signBelongsToNumber(tokens.at(-2))) {
        tokens.pop();
      }
      push(VALUE);
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < sql.length && isIdentPart(sql[j]!)) j++;
      // Prefixed strings: E'..', B'..', X'..', N'..', PostgreSQL's U&'..' (`&` ends the word)
      const quote = !mysql && sql[j] === '&' && /^u$/i.test(sql.slice(i, j)) ? j + 1 : j;
      if (sql[quote] === "'" && /^(e|b|x|n|u)$/i.test(sql.slice(i, j))) {
        i = skipQuoted(sql, quote, "'", mysql || /^e$/i.test(sql.slice(i, j)));
        push(VALUE);
        continue;
      }
      const word = sql.slice(i, j);
      const upper = word.toUpperCase();
      i = j;
      if (upper === 'TRUE' || upper === 'FALSE') {
        push(VALUE);
        continue;
      }
      if (upper === 'NULL') {
        const previous = tokens.at(-1);
        const afterIs = previous?.type === 'word' && (previous.text === 'IS' || previous.text === 'NOT');
        push(afterIs ? { type: 'word', text: 'NULL' } : VALUE);
        continue;
      }
      push({ type: 'word', text: SQL_KEYWORDS.has(upper) ? upper : word });
      continue;
    }
    if (c === '?' && next !== '|' && next !== '&') {
      i++;
      push(VALUE);
      continue;
    }
    if (c === ':' && next !== undefined && isIdentStart(next) && sql[i - 1] !== ':') {
      let j = i + 1;
      while (j < sql.length && isIdentPart(sql[j]!)) j++;
      i = j;
      push(VALUE);
      continue;
    }
    if (PUNCT_CHARS.has(c)) {
      i++;
      push({ type: 'punct', text: c });
      continue;
    }
    if (OP_CHARS.has(c)) {
      let j = i + 1;
      // `::` and `:=` stay whole; other runs end before a sign that starts a number, and before
      // what starts a comment or a placeholder (`=--`, `=/*`, MySQL's `=#`, `=?`, `=:name`).
      while (j < sql.length && OP_CHARS.has(sql[j]!) && !endsOperator(sql, j, mysql)) j++;
      push({ type: 'op', text: sql.slice(i, j) });
      i = j;
      continue;
    }
    // Anything else (a stray backslash, `{`): keep it as an operator.
    i++;
    push({ type: 'op', text: c });
  }
  return tokens;
}
