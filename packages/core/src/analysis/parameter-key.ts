import type { QueryRecord } from '../record/query-record.js';

/** Tags values JSON would confuse (a Date and its ISO string, 1n and '1n', bytes) using the raw value, before toJSON. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? 'invalid' : raw.toISOString() };
  if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  if (typeof raw === 'bigint') return { $bigint: raw.toString() };
  return value;
}

const isPlain = (value: unknown): boolean => value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';

/**
 * Equal for two executions of a statement with the same parameters. Uses
 * the values when the driver passed them, the SQL text when literals were
 * inlined. Only compared in memory; never printed.
 */
export function parameterKey(query: QueryRecord): string {
  if (query.values === undefined || query.values.length === 0) return `sql:${query.sql}`;
  // One id per execution, the usual N+1: its own prefix, so it never equals a key of the general form.
  if (query.values.length === 1) {
    const [value] = query.values;
    if (typeof value === 'number') return `n:${value}`;
    if (typeof value === 'string') return `s:${value}`;
  }
  // The usual parameters (numbers, strings, booleans, null) print the same with the replacer or without, which costs a call per value.
  if (query.values.every(isPlain)) return `values:${JSON.stringify(query.values)}`;
  try {
    return `values:${JSON.stringify(query.values, replacer)}`;
  } catch {
    return `sql:${query.sql}:${String(query.values)}`; // circular values: fall back to something stable enough
  }
}
