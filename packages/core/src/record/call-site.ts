import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  internalPaths().add(cut === -1 ? path : path.slice(0, cut + 1));
}

markInternalPath(import.meta.url);

// `    at fn (file:line:col)`, `    at async fn (file:line:col)`, `    at file:line:col`, `    at new X (…)`
const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

function isUserFile(file: string): boolean {
  if (file.startsWith('node:') || file.startsWith('internal/') || !file.includes('/') && !file.includes('\\')) return false;
  if (/[\\/]node_modules[\\/]/.test(file)) return false;
  for (const internal of internalPaths()) if (file.startsWith(internal)) return false;
  return true;
}

function displayPath(file: string): string {
  const path = file.startsWith('file://') ? fileURLToPath(file) : file;
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

interface ParsedFrame {
  readonly site: CallSite;
  readonly user: boolean;
}

function parseFrames(text: string): ParsedFrame[] {
  const frames: ParsedFrame[] = [];
  for (const line of text.split('\n')) {
    const match = FRAME.exec(line);
    if (match === null) continue;
    const [, name, rawFile, lineNo, column] = match as unknown as [string, string | undefined, string, string, string];
    const file = rawFile.startsWith('file://') ? fileURLToPath(rawFile) : rawFile;
    const functionName = name === undefined || name === '' || name === '<anonymous>' ? undefined : name.replace(/^new /, '');
    frames.push({ user: isUserFile(file), site: { file: displayPath(file), line: Number(lineNo), column: Number(column), functionName } });
  }
  return frames;
}

/**
 * The first `max` frames of the user's code in a captured stack: not
 * node_modules, not node internals, not perfgate. Empty when the stack never
 * reaches user code (an ORM that builds its queries lazily, say).
 */
export function userFrames(captured: CapturedStack | undefined, max = 2): CallSite[] {
  const text = captured?.stack;
  if (typeof text !== 'string') return [];
  return parseFrames(text)
    .filter((frame) => frame.user)
    .slice(0, max)
    .map((frame) => frame.site);
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
  const text = captured.stack;
  if (typeof text !== 'string') return undefined;
  const frames = parseFrames(text);
  let seen = 0;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i]!.user && ++seen === 2) return Math.min(CAPTURED_FRAMES, i + 1 + FRAME_MARGIN);
  }
  return seen === 1 ? CAPTURED_FRAMES : undefined;
}

/** `src/orders.ts:21:40 (listOrders)` */
export function formatCallSite(site: CallSite): string {
  return `${site.file}:${site.line}:${site.column}${site.functionName ? ` (${site.functionName})` : ''}`;
}
