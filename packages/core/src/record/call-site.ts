import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { enclosingFunctionNameIn } from './enclosing-function.js';
import { isPassThrough, isPlumbing } from './framework-plumbing.js';
import { evictOldest } from '../evict-oldest.js';

/** A frame of the user's code a query came from. */
export interface CallSite {
  /** Path relative to the working directory (forward slashes), or as V8 printed it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The function's name, or undefined for anonymous code. */
  readonly functionName: string | undefined;
}

/** Raw frames, formatted only when a finding needs them (reading `.stack` costs as much again as capturing). */
export interface CapturedStack {
  readonly stack?: string;
}

/** Frames captured per query: deep enough to get through an ORM into the caller's code. */
export const CAPTURED_FRAMES = 30;

/**
 * Captures the current stack, unformatted. V8 records the raw frames here
 * and formats them on the first read of `.stack`, through whatever
 * `Error.prepareStackTrace` the runner installed (vitest's maps them back
 * to TypeScript sources). Async frames (`await`, `Promise.all`) are kept by
 * V8's zero-cost async stack traces. Frames from `skipAbove` up are left out;
 * at most `frames` are kept (the walk costs per frame, so ask for few).
 */
export function captureStack(skipAbove: Function = captureStack, frames = CAPTURED_FRAMES): CapturedStack {
  const holder: CapturedStack = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames;
  Error.captureStackTrace(holder, skipAbove);
  Error.stackTraceLimit = limit;
  return holder;
}

/** Distinct formatted stacks whose call sites are remembered (what a site is depends only on the text and perfgate's folders). */
export const PARSED_STACKS = 2_000;
const sitesByStack = new Map<string, Array<{ readonly max: number; readonly generated: readonly string[] | undefined; readonly sites: readonly CallSite[] }>>();

const INTERNAL_PATHS_KEY = Symbol.for('perfgate.internal-paths.v1');
type GlobalWithPaths = typeof globalThis & { [INTERNAL_PATHS_KEY]?: Set<string> };

function internalPaths(): Set<string> {
  const holder = globalThis as GlobalWithPaths;
  if (holder[INTERNAL_PATHS_KEY] === undefined) Object.defineProperty(holder, INTERNAL_PATHS_KEY, { value: new Set<string>(), enumerable: false });
  return holder[INTERNAL_PATHS_KEY]!;
}

/**
 * Marks a folder as perfgate's own, so its frames are never taken for the
 * user's code: each perfgate package registers its install folder, which
 * need not be under node_modules (workspaces, `file:` links).
 */
export function markInternalPath(moduleUrlOrPath: string): void {
  const path = moduleUrlOrPath.startsWith('file:') ? fileURLToPath(moduleUrlOrPath) : moduleUrlOrPath;
  const marker = `${sep}dist${sep}`;
  const cut = path.lastIndexOf(marker);
  const folder = cut === -1 ? path : path.slice(0, cut + 1);
  if (internalPaths().has(folder)) return;
  internalPaths().add(folder);
  // A frame in the new folder is no longer the user's.
  sitesByStack.clear();
}

markInternalPath(import.meta.url);

/** A stack as the runner formatted it, and the file V8 ran for each frame (before any source map), when perfgate saw the formatting. */
interface FormattedStack {
  readonly text: string;
  readonly generated?: readonly string[];
}

type PrepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => unknown;
// Node formats a stack with the main realm's formatter when the error's realm has none (jest's test files run in a vm context).
const mainRealmError = vm.runInThisContext('Error') as ErrorConstructor;
/** node's own `Error.prepareStackTrace` (node 20.? and later expose it), when no runner had replaced it as perfgate loaded. */
const nodeFormatter = mainRealmError.prepareStackTrace?.name === 'ErrorPrepareStackTrace' ? (mainRealmError.prepareStackTrace as PrepareStackTrace) : undefined;
const formattedStacks = new WeakMap<CapturedStack, FormattedStack>();

/**
 * Reads `.stack` (the first read formats it, through the runner's
 * formatter, which may apply source maps) and notes the generated file of
 * each frame: a library's source map can point outside node_modules
 * (TypeORM maps its `node_modules/typeorm/…js` to `src/driver/…ts`), and
 * only the file that ran says whose code it is. Without a formatter
 * nothing maps, so the printed files are the ones that ran.
 */
function formatted(captured: CapturedStack): FormattedStack | undefined {
  const known = formattedStacks.get(captured);
  if (known !== undefined) return known;
  const format = (Error.prepareStackTrace ?? mainRealmError.prepareStackTrace) as PrepareStackTrace | undefined;
  const saved = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  let generated: string[] | undefined;
  let key: string | undefined;
  // node's own formatter without source maps costs what keying the frames would: it formats every stack.
  const texts = format === undefined || (format === nodeFormatter && process.sourceMapsEnabled !== true) ? undefined : textsOf(format);
  if (format !== undefined) {
    Error.prepareStackTrace = (error, frames) => {
      // The first call is this stack's; a formatter that formats another error on the way must not replace it.
      if (generated !== undefined) return format(error, frames);
      generated = [];
      if (texts === undefined) {
        for (const frame of frames) generated.push(frame.getFileName() ?? '');
        return format(error, frames);
      }
      key = framesKey(frames, generated);
      const same = key === undefined ? undefined : texts.get(key);
      return same ?? format(error, frames);
    };
  }
  let text: unknown;
  try {
    text = captured.stack;
  } finally {
    if (format !== undefined) {
      if (saved === undefined) Reflect.deleteProperty(Error, 'prepareStackTrace');
      else Object.defineProperty(Error, 'prepareStackTrace', saved);
    }
  }
  if (typeof text !== 'string') return undefined;
  if (key !== undefined && texts !== undefined && !texts.has(key)) {
    if (texts.size >= FORMATTED_TEXTS) evictOldest(texts);
    texts.set(key, text);
  }
  const stack: FormattedStack = generated === undefined ? { text } : { text, generated };
  formattedStacks.set(captured, stack);
  return stack;
}

/**
 * Stacks whose text a runner's formatter gave, by their frames: a loop's
 * sampled stacks are alike, and vitest's formatter (source maps, frame by
 * frame) took ~90 µs a stack where keying its frames takes ~15 µs. Per
 * formatter, so another formatter formats again.
 */
export const FORMATTED_TEXTS = 2_000;
const textsByFormatter = new WeakMap<PrepareStackTrace, Map<string, string>>();

function textsOf(format: PrepareStackTrace): Map<string, string> {
  let texts = textsByFormatter.get(format);
  if (texts === undefined) textsByFormatter.set(format, (texts = new Map()));
  return texts;
}

/**
 * What a formatter reads of each frame: the script (its URL and a hash of
 * its source, so a file edited under the same URL is another script), the
 * position in it, and the names and flags printed beside it. Undefined when
 * a frame cannot be read (the stack is then formatted, not looked up).
 * Pushes each frame's file onto `files` on the way (none when it fails).
 */
function framesKey(frames: readonly NodeJS.CallSite[], files: string[]): string | undefined {
  try {
    let key = '';
    for (const frame of frames) {
      const file = frame.getFileName() ?? '';
      files.push(file);
      const flags = `${frame.isAsync() ? 'a' : ''}${frame.isPromiseAll() ? `p${frame.getPromiseIndex()}` : ''}${frame.isConstructor() ? 'n' : ''}${frame.isEval() ? `e${frame.getEvalOrigin()}` : ''}${frame.isNative() ? 'N' : ''}`;
      key += `${file}\u0000${frame.getScriptHash()}\u0000${frame.getPosition()}\u0000${flags}\u0000${frame.getFunctionName()}\u0000${frame.getTypeName()}\u0000${frame.getMethodName()}\n`;
    }
    return key;
  } catch {
    // Files of some frames only would misalign them with the printed lines: none, and the stack is judged by its text.
    files.length = 0;
    return undefined;
  }
}

// `    at fn (file:line:col)`, `    at async fn (file:line:col)`, `    at file:line:col`, `    at new X (…)`
const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;
// The native step of a generator: the frame above it is the body of an async function compiled to a generator.
const GENERATOR_STEP = /^\s*at (?:async )?Generator\.(?:next|throw|return) \(<anonymous>\)$/;
/** The helpers that drive such a body (TypeScript's `__awaiter`, swc's and Babel's `_async_to_generator`), inlined in the user's file. */
const ASYNC_HELPERS = new Set(['__awaiter', 'fulfilled', 'rejected', 'step', 'asyncGeneratorStep', '_next', '_throw', '_async_to_generator', '_asyncToGenerator']);

function isLibraryFile(file: string): boolean {
  if (file.startsWith('node:') || file.startsWith('internal/') || !file.includes('/') && !file.includes('\\')) return true;
  if (/[\\/]node_modules[\\/]/.test(file)) return true;
  for (const internal of internalPaths()) if (file.startsWith(internal)) return true;
  return false;
}

function displayPath(file: string): string {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

interface ParsedFrame {
  readonly site: CallSite;
  /**
   * `user`: the user's code. `library`: node_modules, node, perfgate — judged
   * by the file that ran, whatever a source map says it came from.
   * `plumbing`: a framework's dispatch between middlewares and handlers.
   */
  readonly kind: 'user' | 'library' | 'plumbing';
  /** The path as printed, made absolute from a URL. */
  readonly absolute: string;
  /** How many frames deep it is (1 for the innermost): a capture needs that many to reach it. */
  readonly depth: number;
}

/** Frames of a formatted stack, with the files V8 ran (before source maps), when known. */
function parseFrames({ text, generated }: FormattedStack): ParsedFrame[] {
  const lines = text.split('\n');
  // One line per frame, last lines last, as V8, source-map-support and vitest print them; any other layout is read by its text alone.
  const aligned = generated !== undefined && lines.length >= generated.length && lines.slice(lines.length - generated.length).every((line) => /^\s*at /.test(line));
  const offset = aligned ? lines.length - generated.length : undefined;
  const frames: ParsedFrame[] = [];
  // Set by a generator step: the body above it, whose lost name is recovered, and the helper frames below to leave out.
  let wrapped: { file: string; name: string | undefined } | undefined;
  let depth = 0;
  lines.forEach((line, i) => {
    if (/^\s*at /.test(line)) depth++;
    if (GENERATOR_STEP.test(line)) {
      const body = frames.at(-1);
      if (body?.kind === 'user' && body.site.functionName === undefined) {
        const name = enclosingFunctionNameIn(body.absolute, body.site.line, body.site.column);
        frames[frames.length - 1] = { ...body, site: { ...body.site, functionName: name } };
        wrapped = { file: body.absolute, name };
      }
      return;
    }
    const match = FRAME.exec(line);
    if (match === null) return;
    const [, name, rawFile, lineNo, column] = match as unknown as [string, string | undefined, string, string, string];
    const file = rawFile.startsWith('file://') ? fileURLToPath(rawFile) : rawFile;
    const functionName = name === undefined || name === '' || name === '<anonymous>' ? undefined : name.replace(/^new /, '');
    const ran = offset === undefined || i < offset ? undefined : generated![i - offset] || undefined;
    const library = isLibraryFile(file) || (ran !== undefined && isLibraryFile(ran.startsWith('file://') ? fileURLToPath(ran) : ran));
    if (!library && wrapped !== undefined) {
      // The compiled function's own wrappers, in its file: the helpers, the anonymous step, `_fn` and `fn` around the generator.
      const own = file === wrapped.file && (functionName === undefined || ASYNC_HELPERS.has(functionName) || functionName === wrapped.name || functionName === `_${wrapped.name}`);
      if (own) return;
      wrapped = undefined;
    }
    const kind = !library ? 'user' : isPlumbing(ran ?? file) ? 'plumbing' : 'library';
    frames.push({ kind, absolute: file, depth, site: { file: displayPath(file), line: Number(lineNo), column: Number(column), functionName } });
  });
  return frames;
}

/** Past the call site: plumbing, or a middleware's `await next()` (async stacks skip koa-compose, so only the source tells). */
function endsWalk(frame: ParsedFrame): boolean {
  return frame.kind === 'plumbing' || (frame.kind === 'user' && isPassThrough(frame.absolute, frame.site.line, frame.site.column));
}

/**
 * The first `max` frames of the user's code in a captured stack: not
 * node_modules, not node internals, not perfgate. Empty when the stack never
 * reaches user code (an ORM that builds its queries lazily, say). The walk
 * stops past the call site at a framework's plumbing (koa-compose,
 * express's router, fastify's hooks, @nestjs/*) or a middleware's
 * `await next()`: what follows passes the request on and says nothing
 * about the loop.
 */
export function userFrames(captured: CapturedStack | undefined, max = 2): CallSite[] {
  const stack = captured === undefined ? undefined : formatted(captured);
  if (stack === undefined) return [];
  // A loop's sampled stacks print alike: each distinct stack is parsed once.
  const known = sitesByStack.get(stack.text)?.find((entry) => entry.max === max && sameFiles(entry.generated, stack.generated));
  if (known !== undefined) return [...known.sites];
  const sites: CallSite[] = [];
  for (const frame of parseFrames(stack)) {
    if (sites.length === max || (sites.length > 0 && endsWalk(frame))) break;
    if (frame.kind === 'user') sites.push(frame.site);
  }
  let entries = sitesByStack.get(stack.text);
  if (entries === undefined) {
    if (sitesByStack.size >= PARSED_STACKS) evictOldest(sitesByStack);
    sitesByStack.set(stack.text, (entries = []));
  }
  entries.push({ max, generated: stack.generated, sites });
  return [...sites];
}

function sameFiles(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/** Frames kept past the last one a call site needs, in case another path to the same statement is a little deeper. */
export const FRAME_MARGIN = 3;

/**
 * How many frames a capture of this statement needs to reach the call site
 * and its caller (plus a margin), judging by one full capture: all of them
 * when it reached only the call site; undefined when it reached no user
 * code at all.
 */
export function framesNeeded(captured: CapturedStack): number | undefined {
  const stack = formatted(captured);
  if (stack === undefined) return undefined;
  let seen = 0;
  for (const frame of parseFrames(stack)) {
    // The caller, or what ends the walk before one.
    if ((seen === 1 && endsWalk(frame)) || (frame.kind === 'user' && ++seen === 2)) return Math.min(CAPTURED_FRAMES, frame.depth + FRAME_MARGIN);
  }
  return seen === 1 ? CAPTURED_FRAMES : undefined;
}

/** `src/orders.ts:21:40 (listOrders)` */
export function formatCallSite(site: CallSite): string {
  return `${site.file}:${site.line}:${site.column}${site.functionName ? ` (${site.functionName})` : ''}`;
}
