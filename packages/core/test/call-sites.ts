import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallSite } from '../src/record/call-site.js';

export type SiteLocation = Omit<CallSite, 'functionName'>;

/**
 * Where a call in a test file is, read from the file's own text so tests
 * never hard-code line numbers: the line carrying the comment `// @<marker>`
 * and the column of `callee` on it, with the path as call sites print it
 * (relative to the working directory).
 */
export function siteOf(testFileUrl: string, marker: string, callee: string): SiteLocation {
  const path = fileURLToPath(testFileUrl);
  const lines = readFileSync(path, 'utf8').split('\n');
  const tag = new RegExp(`// @${marker}$`);
  const found = lines.flatMap((text, i) => (tag.test(text) ? [i] : []));
  if (found.length !== 1) throw new Error(`expected one line marked // @${marker} in ${path}, found ${found.length}`);
  const text = lines[found[0]!]!;
  const at = text.indexOf(callee);
  if (at === -1) throw new Error(`the line marked // @${marker} does not call ${callee}`);
  return { file: relative(process.cwd(), path).split(sep).join('/'), line: found[0]! + 1, column: at + 1 };
}

/** Replaces each `file:line:column` of `sites` in `text` with `<name>`, so snapshots pin locations without numbers. */
export function withSiteNames(text: string, sites: Readonly<Record<string, SiteLocation>>): string {
  let out = text;
  for (const [name, site] of Object.entries(sites)) out = out.replaceAll(`${site.file}:${site.line}:${site.column}`, `<${name}>`);
  return out;
}
