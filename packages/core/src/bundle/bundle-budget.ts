import { bytesOf, type ByteSize } from '../allocations/byte-size.js';
import { perfgateError } from '../errors.js';

/**
 * A bundle budget: a number of bytes, or a size with its unit ('50 kB').
 * A string without a unit is refused: '50' could mean bytes or kB, and a
 * budget read the wrong way passes everything.
 */
export function parseBundleBudget(budget: unknown, where: string, stackFrom?: Function): number {
  if (typeof budget === 'string' && /^\s*[\d.]+\s*$/.test(budget)) throw perfgateError('SIZE_WITHOUT_UNIT', [where, budget], stackFrom);
  const bytes = bytesOf(budget);
  if (bytes === undefined) throw perfgateError('INVALID_SIZE', [where, budget], stackFrom);
  return bytes;
}

export type BundleBudget = ByteSize;
