import type { ByteSize } from '../allocations/byte-size.js';
import { describe, PerfgateError } from '../errors.js';
import { parseBundleBudget } from './bundle-budget.js';
import { COMPRESSIONS, type Compression } from './compressed-size.js';

/** One row of the `bundles` option: a route's chunk and its budget, checked by one generated test. */
export interface BundleBudgetEntry {
  /** What the test is called: `bundle orders page`. */
  readonly name: string;
  /** An entry to bundle, a list of them, or a glob of built files (relative to the project root). */
  readonly path: string | readonly string[];
  /** With its unit: '50 kB' (1,000 B), '48 KiB' (1,024 B). */
  readonly limit: ByteSize;
  readonly compression?: Compression;
  readonly bundle?: boolean;
  readonly esbuild?: Readonly<Record<string, unknown>>;
}

const KEYS = ['name', 'path', 'limit', 'compression', 'bundle', 'esbuild'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates the `bundles` option; every complaint names the row and the key (`bundles[1].limit`). */
export function resolveBundleTable(input: unknown, fail: (detail: string) => PerfgateError): readonly BundleBudgetEntry[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw fail(`"bundles" must be a list such as [{ name: 'orders page', path: 'src/orders.ts', limit: '50 kB' }]; received ${describe(input)}.`);
  const names = new Set<string>();
  return input.map((row: unknown, index) => {
    const at = `bundles[${index}]`;
    if (!isRecord(row)) throw fail(`"${at}" must be an object with name, path and limit; received ${describe(row)}.`);
    const unknown = Object.keys(row).filter((key) => !KEYS.includes(key));
    if (unknown.length > 0) throw fail(`"${at}" has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; the keys are ${KEYS.map((k) => `"${k}"`).join(', ')}.`);
    const { name, path, limit, compression, bundle, esbuild } = row;
    if (typeof name !== 'string' || name === '') throw fail(`"${at}.name" must be a non-empty string; received ${describe(name)}.`);
    if (names.has(name)) throw fail(`"${at}.name" repeats ${JSON.stringify(name)}; each bundle needs its own name.`);
    names.add(name);
    const paths = Array.isArray(path) ? path : [path];
    if (paths.length === 0 || !paths.every((p) => typeof p === 'string' && p !== '')) throw fail(`"${at}.path" must be a file path, a list of them or a glob; received ${describe(path)}.`);
    try {
      parseBundleBudget(limit, `"${at}.limit"`);
    } catch (error) {
      throw fail((error as Error).message);
    }
    if (compression !== undefined && !(COMPRESSIONS as readonly unknown[]).includes(compression)) throw fail(`"${at}.compression" must be one of ${COMPRESSIONS.map((c) => `'${c}'`).join(', ')}; received ${describe(compression)}.`);
    if (bundle !== undefined && typeof bundle !== 'boolean') throw fail(`"${at}.bundle" must be true or false; received ${describe(bundle)}.`);
    if (esbuild !== undefined && !isRecord(esbuild)) throw fail(`"${at}.esbuild" must be an object of esbuild options; received ${describe(esbuild)}.`);
    return row as unknown as BundleBudgetEntry;
  });
}
