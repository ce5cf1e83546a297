import type { QueryRecord } from '../record/query-record.js';

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('base64')}`;
  if (value instanceof Date) return `date:${value.toISOString()}`;
  return value;
}

/**
 * Equal for two executions of a statement with the same parameters. Uses
 * the values when the driver passed them, the SQL text when literals were
 * inlined. Only compared in memory; never printed.
 */
export function parameterKey(query: QueryRecord): string {
  if (query.values === undefined || query.values.length === 0) return `sql:${query.sql}`;
  try {
    return `values:${JSON.stringify(query.values, replacer)}`;
  } catch {
    return `sql:${query.sql}:${String(query.values)}`; // circular values: fall back to something stable enough
  }
}
