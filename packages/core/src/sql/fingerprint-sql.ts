import { collapseRepeatedPredicates } from './collapse-predicates.js';
import { scanSql, type SqlDialect, type SqlToken } from './scan-sql.js';
import { evictOldest } from '../evict-oldest.js';

export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'other';

export interface SqlFingerprint {
  /** The statement with literals and placeholders as `?`, lists and runs of equal OR/AND predicates collapsed, whitespace folded, keywords upper-cased. */
  readonly shape: string;
  readonly kind: StatementKind;
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, START TRANSACTION, SET TRANSACTION. */
  readonly transactionControl: boolean;
}

const LIST_ELLIPSIS: SqlToken = { type: 'value', text: '...' };

function isOpen(token: SqlToken | undefined, text: '(' | '['): boolean {
  return token?.type === 'punct' && token.text === text;
}

/** If tokens[start] opens a list of values (`(?, ?)` or `[?, ?]`), the index of its closing bracket. */
function valueListEnd(tokens: readonly SqlToken[], start: number): number | undefined {
  const close = tokens[start]!.text === '(' ? ')' : ']';
  let i = start + 1;
  if (tokens[i]?.type === 'punct' && tokens[i]!.text === close) return i;
  for (;;) {
    if (tokens[i]?.type !== 'value') return undefined;
    i++;
    const t = tokens[i];
    if (t?.type !== 'punct') return undefined;
    if (t.text === close) return i;
    if (t.text !== ',') return undefined;
    i++;
  }
}

/** The index just past a balanced parenthesised group starting at `start`. */
function groupEnd(tokens: readonly SqlToken[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return i + 1;
  }
  return tokens.length;
}

function sameTokens(tokens: readonly SqlToken[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    if (tokens[a + k]!.text !== tokens[b + k]!.text || tokens[a + k]!.type !== tokens[b + k]!.type) return false;
  }
  return true;
}

/**
 * `IN (?, ?, ?)` → `IN (...)`, `ARRAY[?, ?]` → `ARRAY[...]`, and
 * `VALUES (?, ?), (?, ?)` → `VALUES (?, ?)`: the shape must not depend on how
 * many values a list holds.
 */
function collapseLists(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = out.at(-1);
    const listOpener =
      (isOpen(token, '(') && previous?.type === 'word' && previous.text === 'IN') ||
      (isOpen(token, '[') && previous?.type === 'word' && previous.text === 'ARRAY');
    if (listOpener) {
      const end = valueListEnd(tokens, i);
      if (end !== undefined) {
        out.push(token, LIST_ELLIPSIS, tokens[end]!);
        i = end;
        continue;
      }
    }
    if (isOpen(token, '(') && previous?.type === 'word' && previous.text === 'VALUES') {
      const end = groupEnd(tokens, i);
      const length = end - i;
      out.push(...tokens.slice(i, end));
      let j = end;
      // Drop further rows written exactly like the first.
      while (tokens[j]?.type === 'punct' && tokens[j]!.text === ',' && j + 1 + length <= tokens.length && sameTokens(tokens, i, j + 1, length)) {
        j += 1 + length;
      }
      i = j - 1;
      continue;
    }
    out.push(token);
  }
  return out;
}

const NO_SPACE_AFTER = new Set(['(', '[', '.']);
const NO_SPACE_BEFORE = new Set([')', ']', ',', ';', '.']);

function joinTokens(tokens: readonly SqlToken[]): string {
  let out = '';
  let previous: SqlToken | undefined;
  let beforePrevious: SqlToken | undefined;
  for (const token of tokens) {
    if (previous !== undefined) {
      const glue =
        NO_SPACE_AFTER.has(previous.text) && previous.type === 'punct'
          ? false
          : token.type === 'punct' && NO_SPACE_BEFORE.has(token.text)
            ? false
            : token.text === '::' || previous.text === '::'
              ? false
              : token.type === 'punct' && (token.text === '(' || token.text === '[')
                ? // a function call or ARRAY[ hugs its bracket; `IN (` and `VALUES (` keep the space
                  // (`INSERT INTO t (a, b)` is a column list, not a call)
                  !((previous.type === 'word' || previous.type === 'ident') && !isSpacedKeyword(previous.text) && beforePrevious?.text !== 'INTO')
                : true;
      if (glue) out += ' ';
    }
    out += token.text;
    beforePrevious = previous;
    previous = token;
  }
  return out;
}

const SPACED_BEFORE_PAREN = new Set(['IN', 'VALUES', 'AS', 'ON', 'AND', 'OR', 'NOT', 'EXISTS', 'FROM', 'JOIN', 'WHERE', 'SELECT', 'USING', 'SET', 'INTO', 'RETURNING', 'WITH', 'UNION', 'THEN', 'ELSE', 'WHEN', 'BY', 'OVER', 'CONFLICT']);

function isSpacedKeyword(text: string): boolean {
  return SPACED_BEFORE_PAREN.has(text);
}

const KIND_WORDS: Readonly<Record<string, StatementKind>> = {
  SELECT: 'select',
  TABLE: 'select',
  INSERT: 'insert',
  REPLACE: 'insert',
  UPDATE: 'update',
  DELETE: 'delete',
};

const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'END', 'ABORT']);

/** The statement's verb: its first word, or for `WITH …` the first verb outside the CTE bodies. */
function statementKind(tokens: readonly SqlToken[]): StatementKind {
  const firstWord = tokens.find((t) => t.type === 'word');
  if (firstWord === undefined) return 'other';
  if (firstWord.text !== 'WITH') return KIND_WORDS[firstWord.text] ?? 'other';
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'punct' && token.text === '(') depth++;
    else if (token.type === 'punct' && token.text === ')') depth--;
    else if (depth === 0 && token.type === 'word' && KIND_WORDS[token.text] !== undefined) return KIND_WORDS[token.text]!;
  }
  return 'other';
}

function isTransactionControl(tokens: readonly SqlToken[]): boolean {
  const first = tokens[0];
  if (first?.type !== 'word') return false;
  const word = first.text.toUpperCase();
  if (TRANSACTION_WORDS.has(word)) return true;
  const second = tokens[1]?.type === 'word' ? tokens[1].text.toUpperCase() : undefined;
  return (word === 'START' || word === 'SET') && second === 'TRANSACTION';
}

/** Fingerprints one statement without caching; see `fingerprintSql`. */
export function computeFingerprint(sql: string, dialect: SqlDialect): SqlFingerprint {
  const tokens = scanSql(sql, dialect);
  while (tokens.at(-1)?.type === 'punct' && tokens.at(-1)!.text === ';') tokens.pop();
  return {
    shape: joinTokens(collapseRepeatedPredicates(collapseLists(tokens))),
    kind: statementKind(tokens),
    transactionControl: isTransactionControl(tokens),
  };
}

/** Distinct statement texts remembered per dialect; the oldest is forgotten first. */
export const FINGERPRINT_CACHE_SIZE = 5_000;

const caches: Record<SqlDialect, Map<string, SqlFingerprint>> = { postgres: new Map(), mysql: new Map() };

/**
 * The statement shape, kind and transaction-control flag of `sql`. Memoised:
 * an application sends the same few statement texts again and again.
 */
export function fingerprintSql(sql: string, dialect: SqlDialect = 'postgres'): SqlFingerprint {
  const cache = caches[dialect];
  let fingerprint = cache.get(sql);
  if (fingerprint === undefined) {
    fingerprint = computeFingerprint(sql, dialect);
    if (cache.size >= FINGERPRINT_CACHE_SIZE) evictOldest(cache);
    cache.set(sql, fingerprint);
  }
  return fingerprint;
}
