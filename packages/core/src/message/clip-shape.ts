/** Characters of a statement shape shown on one message line. */
export const SHAPE_WIDTH = 160;

const GAP = ' … ';

/** Where the select list ends: the first ` FROM ` outside brackets, or -1. */
function selectListEnd(shape: string): number {
  let depth = 0;
  for (let i = 0; i < shape.length; i++) {
    const c = shape[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && shape.startsWith(' FROM ', i)) return i;
  }
  return -1;
}

/** The start and end of a text, its middle elided. */
function middle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - GAP.length) * 0.6);
  return `${text.slice(0, head)}${GAP}${text.slice(text.length - (max - GAP.length - head))}`;
}

/**
 * Shortens a statement shape to `max` characters, keeping what tells two
 * statements apart: a long select list (TypeORM and knex name every column)
 * loses its middle, so FROM and WHERE stay; anything else keeps its start
 * and its end.
 */
export function clipShape(shape: string, max = SHAPE_WIDTH): string {
  if (shape.length <= max) return shape;
  const listEnd = shape.startsWith('SELECT ') ? selectListEnd(shape) : -1;
  if (listEnd !== -1) {
    const rest = shape.slice(listEnd);
    const room = max - 'SELECT '.length - ' …'.length - rest.length;
    const start = room > 0 ? shape.slice('SELECT '.length, 'SELECT '.length + room) : '';
    const lastColumn = start.lastIndexOf(', ');
    // Room for whole first columns: `SELECT a, b, … FROM t WHERE …`.
    if (lastColumn > 0) return `SELECT ${start.slice(0, lastColumn + 1)} …${rest}`;
    return `SELECT …${middle(rest, max - 'SELECT …'.length)}`;
  }
  return middle(shape, max);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The start of a shape, then the stretch from just before `at`. */
function around(shape: string, at: number, max: number): string {
  const head = shape.slice(0, 40);
  const from = Math.max(head.length, at - 30);
  const room = max - head.length - GAP.length - 1;
  const window = shape.slice(from, from + room);
  return `${head}${from > head.length ? GAP : ''}${window}${from + room < shape.length ? '…' : ''}`;
}

/**
 * Clips the shapes of one message so that different statements never print
 * alike: when two clip to the same text, each shows where it differs from
 * the other.
 */
export function clipShapes(shapes: readonly string[], max = SHAPE_WIDTH): string[] {
  const clipped = shapes.map((shape) => clipShape(shape, max));
  return clipped.map((text, i) => {
    let differsAt = -1;
    clipped.forEach((other, j) => {
      if (j !== i && other === text && shapes[j] !== shapes[i]) differsAt = Math.max(differsAt, commonPrefix(shapes[i]!, shapes[j]!));
    });
    return differsAt === -1 ? text : around(shapes[i]!, differsAt, max);
  });
}
