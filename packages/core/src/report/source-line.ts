import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CallSite } from '../record/call-site.js';
import type { SourceLine } from './report-model.js';

/**
 * A path as the report keeps it: relative to the project root with `/`, so
 * shards from different machines merge. Call sites are printed relative to
 * the working directory, which need not be the root (a monorepo package).
 * Outside the root a path stays absolute; Windows drive letters are no URL (`isAbsolute`).
 */
export function rootRelative(path: string, root: string, cwd = process.cwd()): string {
  // A URL that is no file (`node:internal/…`, `webpack://…`) stays as it is.
  if (!isAbsolute(path) && /^[a-z][\w+.-]+:/i.test(path)) return path;
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  const rel = relative(root, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute.split(sep).join('/') : rel.split(sep).join('/');
}

export function sourceLine(site: CallSite, root: string): SourceLine {
  return { file: rootRelative(site.file, root), line: site.line, column: site.column, ...(site.functionName !== undefined && { function: site.functionName }) };
}
