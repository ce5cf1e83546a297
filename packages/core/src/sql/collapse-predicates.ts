import type { SqlToken } from './scan-sql.js';

/**
 * Words that end a boolean expression at their depth: a chain of `OR`s or
 * `AND`s never reaches across them.
 */
const CLAUSE_WORDS = new Set([
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FETCH', 'RETURNING', 'SET', 'ON', 'USING', 'JOIN',
  'UNION', 'INTERSECT', 'EXCEPT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'VALUES', 'INTO', 'WINDOW', 'AS', 'FOR',
]);

/** A token, or a parenthesised group already collapsed inside. */
interface Unit {
  readonly tokens: readonly SqlToken[];
}

const isWord = (unit: Unit, text: string): boolean => unit.tokens.length === 1 && unit.tokens[0]!.type === 'word' && unit.tokens[0]!.text === text;

function isBoundary(unit: Unit): boolean {
  if (unit.tokens.length !== 1) return false;
  const [token] = unit.tokens as [SqlToken];
  return (token.type === 'punct' && (token.text === ',' || token.text === ';')) || (token.type === 'word' && CLAUSE_WORDS.has(token.text));
}

function flatten(units: readonly Unit[]): SqlToken[] {
  const out: SqlToken[] = [];
  for (const unit of units) for (const token of unit.tokens) out.push(token);
  return out;
}

/** Equal token runs split into the same units (brackets decide the groups), so units compare one by one. */
function sameOperand(a: readonly Unit[], b: readonly Unit[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.tokens;
    const y = b[i]!.tokens;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j]!.type !== y[j]!.type || x[j]!.text !== y[j]!.text) return false;
  }
  return true;
}

/** Splits `units` at each `word`, except the `AND` of a `BETWEEN … AND …`. */
function splitChain(units: readonly Unit[], word: 'OR' | 'AND'): Unit[][] {
  const operands: Unit[][] = [[]];
  let between = false;
  for (const unit of units) {
    if (isWord(unit, 'BETWEEN')) between = true;
    if (isWord(unit, word) && !(word === 'AND' && between)) operands.push([]);
    else {
      if (between && isWord(unit, 'AND')) between = false;
      operands.at(-1)!.push(unit);
    }
  }
  return operands;
}

/** Keeps one of each run of equal operands. */
const dedupe = (operands: readonly Unit[][]): Unit[][] => operands.filter((operand, i) => i === 0 || !sameOperand(operand, operands[i - 1]!));

function joinChain(operands: readonly Unit[][], word: 'OR' | 'AND'): Unit[] {
  const separator: Unit = { tokens: [{ type: 'word', text: word }] };
  const out: Unit[] = [];
  operands.forEach((operand, i) => {
    if (i > 0) out.push(separator);
    for (const unit of operand) out.push(unit);
  });
  return out;
}

/** One expression between clause boundaries: `a OR a` → `a`, and `b AND b` → `b` inside each `OR` operand; as it was when nothing repeats. */
function collapseExpression(units: Unit[]): { units: Unit[]; collapsed: boolean } {
  const ors = splitChain(units, 'OR');
  let collapsed = false;
  const operands = dedupe(ors).map((operand) => {
    const ands = splitChain(operand, 'AND');
    const kept = dedupe(ands);
    if (kept.length === ands.length) return operand;
    collapsed = true;
    return joinChain(kept, 'AND');
  });
  if (!collapsed && operands.length === ors.length) return { units, collapsed: false };
  return { units: joinChain(operands, 'OR'), collapsed: true };
}

/** Collapses tokens[start, end) at one depth; a nested group is collapsed first, so equal groups compare equal. */
function collapseRange(tokens: readonly SqlToken[], start: number, end: number): { units: Unit[]; collapsed: boolean } {
  const units: Unit[] = [];
  // Whether a run collapsed here or in a group inside.
  let collapsed = false;
  for (let i = start; i < end; i++) {
    const token = tokens[i]!;
    if (token.type !== 'punct' || token.text !== '(') {
      units.push({ tokens: [token] });
      continue;
    }
    let depth = 0;
    let close = i;
    for (; close < end; close++) {
      const t = tokens[close]!;
      if (t.type === 'punct' && t.text === '(') depth++;
      else if (t.type === 'punct' && t.text === ')' && --depth === 0) break;
    }
    const inner = collapseRange(tokens, i + 1, Math.min(close, end));
    collapsed ||= inner.collapsed;
    // `((a) OR (a))` became `((a))`: keep one pair of brackets, as an ORM writes a single `(a)`.
    const only = inner.collapsed && inner.units.length === 1 && inner.units[0]!.tokens.length > 1 ? inner.units[0] : undefined;
    units.push(only ?? { tokens: inner.collapsed ? [token, ...flatten(inner.units), ...(close < end ? [tokens[close]!] : [])] : tokens.slice(i, Math.min(close + 1, end)) });
    i = close;
  }
  const out: Unit[] = [];
  let expression: Unit[] = [];
  const flush = (): void => {
    const result = collapseExpression(expression);
    collapsed ||= result.collapsed;
    out.push(...result.units);
    expression = [];
  };
  for (const unit of units) {
    if (!isBoundary(unit)) {
      expression.push(unit);
      continue;
    }
    flush();
    out.push(unit);
  }
  flush();
  return { units: out, collapsed };
}

/**
 * `(t.name = ? OR t.name = ? OR …)` → `(t.name = ?)`, and the same for
 * `AND` and for parenthesised groups (`((a AND b) OR (a AND b))` →
 * `(a AND b)`): an ORM that writes one predicate per list element (Prisma's
 * `connect: [{ name }, …]`) gets one shape whatever the list's length, as
 * `IN (...)` does. Only runs of equal operands collapse.
 */
export function collapseRepeatedPredicates(tokens: readonly SqlToken[]): readonly SqlToken[] {
  // Most statements have no chain to collapse: leave them as they are, at the cost of one pass.
  if (!tokens.some((token) => token.type === 'word' && (token.text === 'OR' || token.text === 'AND'))) return tokens;
  const { units, collapsed } = collapseRange(tokens, 0, tokens.length);
  return collapsed ? flatten(units) : tokens;
}
