import { perfgateError } from '../errors.js';

/** A size as users write it: `'4 KiB'`, `'2 kB'`, `'512 B'`. */
export type ByteSize = number | `${number} ${ByteUnit}` | `${number}${ByteUnit}`;
export type ByteUnit = 'B' | 'kB' | 'KB' | 'KiB' | 'MB' | 'MiB' | 'GB' | 'GiB';

/** Bytes per unit, by lower-cased name: kB is 1,000 bytes (SI, as size-limit reads it), KiB 1,024. */
export const BYTE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  kib: 2 ** 10,
  mb: 1e6,
  mib: 2 ** 20,
  gb: 1e9,
  gib: 2 ** 30,
};

const SIZE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?\s*$/i;

/** The number of bytes in `size` — a number of bytes or a string such as '4 KiB' — or undefined when it is neither. */
export function bytesOf(size: unknown): number | undefined {
  if (typeof size === 'number') return Number.isFinite(size) && size >= 0 ? size : undefined;
  if (typeof size !== 'string') return undefined;
  const match = SIZE.exec(size);
  if (match === null) return undefined;
  const factor = match[2] === undefined ? 1 : BYTE_UNITS[match[2].toLowerCase()];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/**
 * Parses a size in bytes, the one place perfgate reads sizes: a number of
 * bytes, or a number and a unit (B, kB, KiB, MB, MiB, GB, GiB; any case).
 * Throws a PerfgateError naming `where` and the value otherwise.
 */
export function parseByteSize(size: unknown, where: string, stackFrom?: Function): number {
  const bytes = bytesOf(size);
  if (bytes === undefined) throw perfgateError('INVALID_SIZE', [where, size], stackFrom ?? parseByteSize);
  return bytes;
}

const BINARY = [
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
] as const;

/** `40 B`, `8,052.7 B`: bytes to 0.1 (0.01 under one byte). */
export function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US', { maximumFractionDigits: Math.abs(bytes) < 1 && bytes !== 0 ? 2 : 1 })} B`;
}

/** `40 B`, `8,052.7 B (7.9 KiB)`: exact bytes, with the binary unit beside when it helps. */
export function formatBytes(bytes: number): string {
  const exact = exactBytes(bytes);
  const unit = BINARY.find(([, size]) => Math.abs(bytes) >= size);
  return unit === undefined ? exact : `${exact} (${(bytes / unit[1]).toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit[0]})`;
}
