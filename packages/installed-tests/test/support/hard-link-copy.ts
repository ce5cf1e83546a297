import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';

/** A node_modules in half a second instead of a full copy; falls back to copying where hard links are refused. */
export function hardLinkCopy(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to]);
  } catch {
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}
