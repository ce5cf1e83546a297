import { readFileSync } from 'node:fs';

interface Source {
  readonly text: string;
  lines?: readonly string[];
}

// Files are few (the user's, where findings point) and read once per process.
const sources = new Map<string, Source | undefined>();

function source(path: string): Source | undefined {
  if (!sources.has(path)) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    sources.set(path, text === undefined ? undefined : { text });
  }
  return sources.get(path);
}

/** A source file's text, read once; undefined when it cannot be read (a virtual module, a deleted file). */
export function sourceText(path: string): string | undefined {
  return source(path)?.text;
}

/** The text of a file from a 1-based line and column to the end of that line. */
export function lineFrom(path: string, line: number, column: number): string | undefined {
  const file = source(path);
  if (file === undefined) return undefined;
  file.lines ??= file.text.split('\n');
  return file.lines[line - 1]?.slice(column - 1);
}
