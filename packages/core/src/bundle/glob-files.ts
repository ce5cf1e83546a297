import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export function isGlob(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** `**` any depth, `*` and `?` within one path segment, `{a,b}` alternatives. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = pattern.indexOf('}', i);
      source += `(?:${pattern.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else source += escape(char);
  }
  return new RegExp(`^${source}$`);
}

const escape = (text: string): string => text.replace(/[.+^$()|[\]\\]/g, '\\$&');

function walk(dir: string, files: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile()) files.push(path);
  }
}

/**
 * The files a glob matches under `cwd`, sorted, as absolute paths. Walks
 * only the folder before the first wildcard; skips node_modules and dot folders.
 */
export function globFiles(pattern: string, cwd: string): string[] {
  const absolute = (isAbsolute(pattern) ? pattern : resolve(cwd, pattern)).split(sep).join('/');
  const segments = absolute.split('/');
  const firstWild = segments.findIndex(isGlob);
  const base = segments.slice(0, firstWild).join('/') || '/';
  const matcher = globToRegExp(segments.slice(firstWild).join('/'));
  const files: string[] = [];
  walk(base, files);
  return files.filter((file) => matcher.test(relative(base, file).split(sep).join('/'))).sort();
}
