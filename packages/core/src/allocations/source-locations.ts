import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileCallFrame } from './heap-profile.js';
import type { ProtocolSession } from './inspector-session.js';

/** A place in a source file: an absolute path (or the URL V8 gave, when it is not a file), 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface ParsedScript {
  readonly scriptId: string;
  readonly url: string;
  readonly sourceMapURL?: string;
}

function toPath(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

function loadSourceMap(script: ParsedScript, generated: string): SourceMap | undefined {
  const url = script.sourceMapURL;
  if (url === undefined || url === '') return undefined;
  try {
    let text: string;
    if (url.startsWith('data:')) {
      const comma = url.indexOf(',');
      const body = url.slice(comma + 1);
      text = url.slice(0, comma).endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
    } else {
      text = readFileSync(isAbsolute(toPath(url)) ? toPath(url) : resolve(dirname(generated), url), 'utf8');
    }
    return new SourceMap(JSON.parse(text) as SourceMapPayload);
  } catch {
    return undefined; // an unreadable map: the generated location is shown instead
  }
}

/**
 * Maps profile frames back to the files the user wrote. Test runners
 * compile TypeScript in memory (vitest, ts-jest), so the line V8 reports is
 * one of code that exists nowhere on disk; each compiled script carries its
 * source map (inline, or a file beside it). `Debugger.enable` lists every
 * script V8 holds with its map URL; the debugger is switched off again at once.
 */
export async function sourceLocator(session: ProtocolSession): Promise<(frame: ProfileCallFrame) => SourceLocation | undefined> {
  const scripts = new Map<string, ParsedScript>();
  const stop = session.on<ParsedScript>('Debugger.scriptParsed', (script) => scripts.set(script.scriptId, script));
  try {
    await session.post('Debugger.enable');
    await session.post('Debugger.disable');
  } finally {
    stop();
  }
  const maps = new Map<string, SourceMap | undefined>();
  return (frame) => {
    const script = scripts.get(frame.scriptId);
    const url = frame.url || script?.url || '';
    if (url === '' || frame.lineNumber < 0) return undefined;
    const generated = toPath(url);
    if (script !== undefined && !maps.has(frame.scriptId)) maps.set(frame.scriptId, loadSourceMap(script, generated));
    const entry = maps.get(frame.scriptId)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry === undefined || !('originalSource' in entry) || typeof entry.originalSource !== 'string') {
      return { file: generated, line: frame.lineNumber + 1, column: frame.columnNumber + 1 };
    }
    const source = toPath(entry.originalSource);
    return { file: isAbsolute(source) || source.includes(':') ? source : resolve(dirname(generated), source), line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  };
}
