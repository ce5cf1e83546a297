import { readFileSync } from 'node:fs';

// Files are few (the user's, where findings point) and read once per process.
const sources = new Map<string, string | undefined>();

/** A source file's text, read once; undefined when it cannot be read (a virtual module, a deleted file). */
export function sourceText(path: string): string | undefined {
  if (!sources.has(path)) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    sources.set(path, text);
  }
  return sources.get(path);
}

/** The text of a file from a 1-based line and column to the end of that line. */
export function lineFrom(path: string, line: number, column: number): string | undefined {
  return sourceText(path)?.split('\n', line)[line - 1]?.slice(column - 1);
}
