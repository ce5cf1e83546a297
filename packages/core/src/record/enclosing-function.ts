import { sourceText } from './source-text.js';

const REGEX_AFTER = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORD = /\b(?:return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/;

/**
 * The source with the text of comments, strings, template literals and
 * regular expressions blanked to spaces (offsets and newlines kept), so
 * braces and parentheses can be matched by counting.
 */
export function blankLiterals(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < Math.min(to, source.length); k++) if (out[k] !== '\n') out[k] = ' ';
  };
  // A `}` closes either a block or a template's `${…}`: this stack says which.
  const braces: Array<'block' | 'template'> = [];
  let i = 0;
  const template = (): void => {
    const start = i;
    for (i++; i < source.length && source[i] !== '`'; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '$' && source[i + 1] === '{') {
        blank(start + 1, i);
        braces.push('template');
        i += 2;
        return;
      }
    }
    blank(start + 1, i);
    i++;
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      blank(i, end === -1 ? source.length : end);
      i = end === -1 ? source.length : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      blank(i, end === -1 ? source.length : end + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (c === '"' || c === "'") {
      const start = i;
      for (i++; i < source.length && source[i] !== c && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      blank(start + 1, i);
      i++;
    } else if (c === '`') {
      template();
    } else if (c === '/' && isRegexStart(out.slice(Math.max(0, i - 12), i).join(''))) {
      const start = i;
      let inClass = false;
      for (i++; i < source.length && source[i] !== '\n' && (inClass || source[i] !== '/'); i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
      }
      blank(start + 1, i);
      i++;
    } else if (c === '{') {
      braces.push('block');
      i++;
    } else if (c === '}') {
      if (braces.pop() === 'template') template(); // the template goes on after its `${…}`
      else i++;
    } else i++;
  }
  return out.join('');
}

function isRegexStart(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed === '' || REGEX_AFTER.has(trimmed.at(-1)!) || REGEX_AFTER_WORD.test(trimmed);
}

/** The index of the `(` matching the `)` at `close`, or -1. */
function openParen(text: string, close: number): number {
  for (let depth = 0, k = close; k >= 0; k--) {
    if (text[k] === ')') depth++;
    else if (text[k] === '(' && --depth === 0) return k;
  }
  return -1;
}

/** The `)` that closes a parameter list before `{`: `) {`, or `): ReturnType {` (a type may hold braces and parentheses). */
function returnTypeStart(head: string): number {
  for (let k = head.lastIndexOf(')'); k !== -1; k = head.lastIndexOf(')', k - 1)) {
    const rest = head.slice(k + 1).trim();
    if (rest === '' || (rest.startsWith(':') && !/;|[^=]=[^>]/.test(rest))) return k;
  }
  return -1;
}

const CONTROL = /(?:^|[^\w$.])(?:if|for(?:\s+await)?|while|switch|catch|with)\s*$/;
const METHOD = /(?:^|[\s;{}*])(?:(?:public|private|protected|static|async|override|get|set)\s+)*\*?\s*([\w$]+)\s*\??\s*(?:<[^()]*>)?\s*$/;
const ASSIGNED = /(?:const|let|var)\s+([\w$]+)\s*(?::[^=;]+)?=\s*(?:async\s*)?(?:function\s*\*?\s*)?$/;

type Block = { kind: 'function'; name: string | undefined } | { kind: 'method'; name: string } | { kind: 'class'; name: string } | { kind: 'other' };

/** What the `{` at `brace` opens, judged by the text before it. */
function blockAt(text: string, brace: number): Block {
  const head = text.slice(Math.max(0, brace - 600), brace).trimEnd();
  const cls = /\bclass\s+([\w$]+)[^;{}()]*$/.exec(head);
  if (cls) return { kind: 'class', name: cls[1]! };
  if (head.endsWith('=>')) {
    const params = head.slice(0, -2).trimEnd().replace(/:[^()=]*$/, '').trimEnd();
    const start = params.endsWith(')') ? openParen(params, params.length - 1) : params.search(/[\w$]+$/);
    return { kind: 'function', name: start === -1 ? undefined : ASSIGNED.exec(params.slice(0, start))?.[1] };
  }
  const close = returnTypeStart(head);
  if (close === -1) return { kind: 'other' };
  const open = openParen(head, close);
  if (open === -1) return { kind: 'other' };
  const before = head.slice(0, open).trimEnd();
  if (CONTROL.test(before)) return { kind: 'other' };
  const fn = /\bfunction\s*\*?\s*([\w$]+)?\s*(?:<[^()]*>)?$/.exec(before);
  if (fn) return { kind: 'function', name: fn[1] ?? ASSIGNED.exec(before.slice(0, fn.index))?.[1] };
  const method = METHOD.exec(before);
  return method ? { kind: 'method', name: method[1]! } : { kind: 'other' };
}

/**
 * The name V8 gives the innermost function around a 1-based line and column
 * of `source`, for the frames that lost it: an async function compiled to a
 * generator (TypeScript's `__awaiter`, swc's and Babel's
 * `_async_to_generator`) runs its body in an anonymous `function*`, where
 * native code would name the function. Named declarations and expressions,
 * functions assigned to a `const`/`let`/`var`, and class methods
 * (`Class.method`, a constructor as `Class`) are named; anything else
 * (a callback, an object literal's method) stays anonymous, as V8 leaves it
 * or names it by its receiver.
 */
export function enclosingFunctionName(source: string, line: number, column: number): string | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    offset = source.indexOf('\n', offset) + 1;
    if (offset === 0) return undefined;
  }
  offset += column - 1;
  const text = blankLiterals(source);
  const open: number[] = [];
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '{') open.push(k);
    else if (text[k] === '}') open.pop();
  }
  for (let k = open.length - 1; k >= 0; k--) {
    const block = blockAt(text, open[k]!);
    if (block.kind === 'function') return block.name;
    if (block.kind === 'class') return undefined; // a field initialiser
    if (block.kind === 'method') {
      const owner = k > 0 ? blockAt(text, open[k - 1]!) : undefined;
      if (owner?.kind !== 'class') return undefined;
      return block.name === 'constructor' ? owner.name : `${owner.name}.${block.name}`;
    }
  }
  return undefined;
}

/** `enclosingFunctionName` of a file on disk; undefined when it cannot be read. */
export function enclosingFunctionNameIn(path: string, line: number, column: number): string | undefined {
  const text = sourceText(path);
  return text === undefined ? undefined : enclosingFunctionName(text, line, column);
}
