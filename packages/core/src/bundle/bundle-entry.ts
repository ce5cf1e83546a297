import { join, relative, sep } from 'node:path';
import { perfgateError } from '../errors.js';
import { requirePeer } from '../options/require-peer.js';

/** One input module's share of a bundle, in minified bytes. */
export interface BundleInput {
  readonly path: string;
  readonly bytes: number;
}

export interface BundledEntry {
  /** The output's code, minified. */
  readonly code: Uint8Array;
  /** Input modules by bytes in the output, largest first. */
  readonly inputs: readonly BundleInput[];
}

/** The part of esbuild perfgate calls. */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{
    outputFiles?: Array<{ path: string; contents: Uint8Array }>;
    metafile?: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  }>;
}

function loadEsbuild(where: string, root: string): EsbuildLike {
  const esbuild = requirePeer<EsbuildLike>('esbuild', root);
  if (esbuild === undefined) throw perfgateError('ESBUILD_MISSING', [where, root]);
  return esbuild;
}

/**
 * Bundles and minifies one entry in memory with esbuild (nothing is
 * written), for the browser unless `options` say otherwise, and reads from
 * its metafile how many output bytes each input module accounts for.
 */
export async function bundleEntry(where: string, entry: string, root: string, options: Record<string, unknown> = {}): Promise<BundledEntry> {
  const esbuild = loadEsbuild(where, root);
  let result: Awaited<ReturnType<EsbuildLike['build']>>;
  try {
    result = await esbuild.build({
      format: 'esm',
      ...options,
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      splitting: false,
      outdir: join(root, '.perfgate', 'bundle'),
      logLevel: 'silent',
    });
  } catch (error) {
    const detail = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors?.[0];
    const message = detail === undefined ? String(error) : `${detail.text}${detail.location ? ` (${detail.location.file}:${detail.location.line})` : ''}`;
    throw perfgateError('BUNDLE_FAILED', [where, relative(root, entry).split(sep).join('/'), message]);
  }
  const output = result.outputFiles?.find((file) => file.path.endsWith('.js') || file.path.endsWith('.mjs') || file.path.endsWith('.cjs')) ?? result.outputFiles?.[0];
  if (output === undefined) throw perfgateError('BUNDLE_FAILED', [where, entry, 'esbuild produced no output']);
  const meta = result.metafile?.outputs[relative(root, output.path).split(sep).join('/')];
  const inputs = Object.entries(meta?.inputs ?? {})
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { code: output.contents, inputs };
}
