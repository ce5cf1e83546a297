import { randomFillSync } from 'node:crypto';

/** A parsed W3C `traceparent` header (https://www.w3.org/TR/trace-context/#traceparent-header). */
export interface TraceContext {
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_PARENT_ID = '0'.repeat(16);

/** Parses a `traceparent` header; returns undefined for anything the spec says to ignore. */
export function parseTraceparent(header: string | readonly string[] | undefined): TraceContext | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return undefined;
  // The spec's hex is lowercase only (HEXDIGLC): uppercase makes the header invalid, not a variant.
  const match = TRACEPARENT.exec(value.trim());
  if (match === null) return undefined;
  const [, version, traceId, parentId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  // Version ff is invalid; version 00 allows nothing after the flags.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (traceId === INVALID_TRACE_ID || parentId === INVALID_PARENT_ID) return undefined;
  return { traceId, parentId, flags };
}

/**
 * Random bytes for ids, drawn from a pool refilled `ID_POOL_BYTES` at a time:
 * a scope opens per HTTP request, and a `randomBytes(16)` call per scope (a
 * Buffer and a trip to the system's generator) cost more than the rest of
 * opening it. The pool is a buffer of its own (`allocUnsafeSlow`), so no
 * other code shares or sees it, and every id takes bytes no other id took.
 */
export const ID_POOL_BYTES = 4_096;
const pool = Buffer.allocUnsafeSlow(ID_POOL_BYTES);
let taken = ID_POOL_BYTES;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function randomHex(bytes: number): string {
  if (taken + bytes > ID_POOL_BYTES) {
    randomFillSync(pool);
    taken = 0;
  }
  let hex = '';
  for (let i = taken; i < taken + bytes; i++) hex += HEX[pool[i]!];
  taken += bytes;
  return hex;
}

/** A W3C trace-id: 16 random bytes in lowercase hex, never all zeros (the spec's invalid id). */
export function newTraceId(): string {
  let id: string;
  do id = randomHex(16);
  while (id === INVALID_TRACE_ID);
  return id;
}

/** A W3C span-id (parent-id): 8 random bytes in lowercase hex, never all zeros. */
export function newSpanId(): string {
  let id: string;
  do id = randomHex(8);
  while (id === INVALID_PARENT_ID);
  return id;
}

export function formatTraceparent(traceId: string, spanId: string = newSpanId(), sampled = true): string {
  return `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`;
}
