import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { perfgateError } from '../errors.js';
import { bundleEntry, type BundleInput } from './bundle-entry.js';
import { compressedSize, DEFAULT_COMPRESSION, isCompression, type Compression } from './compressed-size.js';
import { globFiles, isGlob } from './glob-files.js';

export interface BundleSizeOptions {
  /** `'brotli'` (default), `'gzip'` or `'raw'`. */
  readonly compression?: Compression;
  /**
   * `true` (default for entry files): bundle and minify with esbuild, then
   * measure; `false` (default for globs): measure the files as they are, already built.
   */
  readonly bundle?: boolean;
  /** Extra esbuild options (`platform`, `external`, `define`, …) when bundling. */
  readonly esbuild?: Record<string, unknown>;
  /** Where relative paths and esbuild resolve from. Default: the working directory (the project root under vitest and jest). */
  readonly cwd?: string;
}

export interface MeasuredFile {
  /** Relative to `cwd`, forward slashes. */
  readonly file: string;
  /** Compressed as asked. */
  readonly size: number;
  /** Minified, uncompressed. */
  readonly raw: number;
  /** Input modules by their minified bytes in the bundle, largest first; empty for a built file measured as is. */
  readonly inputs: readonly BundleInput[];
}

export interface BundleMeasurement {
  readonly compression: Compression;
  readonly files: readonly MeasuredFile[];
}

/** The files the received value names: a path, a list of paths, or globs (built chunks). */
function filesOf(where: string, target: unknown, cwd: string): Array<{ path: string; glob: boolean }> {
  const targets = Array.isArray(target) ? target : [target];
  if (targets.length === 0 || !targets.every((t) => typeof t === 'string' && t !== '')) {
    throw perfgateError('NO_BUNDLE_INPUT', [where, 'expect() takes a file path, a list of paths or a glob such as \'dist/routes/*.js\'']);
  }
  return (targets as string[]).flatMap((t): Array<{ path: string; glob: boolean }> => {
    if (isGlob(t)) {
      const matched = globFiles(t, cwd);
      if (matched.length === 0) throw perfgateError('NO_BUNDLE_INPUT', [where, `the glob '${t}' matched no file under ${cwd}; build first?`]);
      return matched.map((path) => ({ path, glob: true }));
    }
    const path = isAbsolute(t) ? t : resolve(cwd, t);
    if (!existsSync(path)) throw perfgateError('NO_BUNDLE_INPUT', [where, `${t} does not exist (resolved from ${cwd})`]);
    return [{ path, glob: false }];
  });
}

export function checkCompression(where: string, compression: unknown): Compression {
  if (compression === undefined) return DEFAULT_COMPRESSION;
  if (!isCompression(compression)) throw perfgateError('INVALID_COMPRESSION', [where, compression]);
  return compression;
}

/** Measures each file the target names: bundled and minified with esbuild, or as built, then compressed. */
export async function measureBundle(where: string, target: unknown, options: BundleSizeOptions = {}): Promise<BundleMeasurement> {
  const cwd = options.cwd ?? process.cwd();
  const compression = checkCompression(where, options.compression);
  const files: MeasuredFile[] = [];
  for (const { path, glob } of filesOf(where, target, cwd)) {
    const file = relative(cwd, path).split(sep).join('/');
    if (options.bundle ?? !glob) {
      const { code, inputs } = await bundleEntry(where, path, cwd, options.esbuild);
      files.push({ file, size: compressedSize(code, compression), raw: code.byteLength, inputs });
    } else {
      const code = readFileSync(path);
      files.push({ file, size: compressedSize(code, compression), raw: code.byteLength, inputs: [] });
    }
  }
  return { compression, files };
}
