import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIONS = ['brotli', 'gzip', 'raw'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

/** What browsers are served: brotli at its highest quality, as CDNs precompress static files. */
export const DEFAULT_COMPRESSION: Compression = 'brotli';

/** gzip level 9 and brotli quality 11, the settings size-limit and bundlers' size reports use. */
export function compressedSize(bytes: Uint8Array, compression: Compression): number {
  switch (compression) {
    case 'raw':
      return bytes.byteLength;
    case 'gzip':
      return gzipSync(bytes, { level: 9 }).byteLength;
    case 'brotli':
      return brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
      }).byteLength;
  }
}

export function isCompression(value: unknown): value is Compression {
  return (COMPRESSIONS as readonly unknown[]).includes(value);
}
