import { randomBytes } from 'node:crypto';

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

export function newTraceId(): string {
  let id: string;
  do id = randomBytes(16).toString('hex');
  while (id === INVALID_TRACE_ID);
  return id;
}

export function newSpanId(): string {
  let id: string;
  do id = randomBytes(8).toString('hex');
  while (id === INVALID_PARENT_ID);
  return id;
}

export function formatTraceparent(traceId: string, spanId: string = newSpanId(), sampled = true): string {
  return `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`;
}
