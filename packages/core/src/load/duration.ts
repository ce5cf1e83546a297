import { perfgateError } from '../errors.js';

const MS_PER_UNIT: Readonly<Record<string, number>> = { 'µs': 1e-3, us: 1e-3, ms: 1, s: 1e3 };
const DURATION = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(µs|us|ms|s)\s*$/;

/**
 * Milliseconds in a duration written with its unit ('50 ms', '1.5 s'). A
 * bare number is refused: `p99: 200` could be milliseconds or seconds, and a
 * budget read the wrong way passes everything.
 */
export function parseDuration(value: unknown, where: string, stackFrom?: Function): number {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (match === null) throw perfgateError('INVALID_DURATION', [where, value], stackFrom ?? parseDuration);
  return Number(match[1]) * MS_PER_UNIT[match[2]!]!;
}

/** `12 ms`, `1.5 s`, `0.8 ms`. */
export function formatDuration(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
  return `${ms.toLocaleString('en-US', { maximumFractionDigits: ms < 10 ? 2 : 1 })} ms`;
}
