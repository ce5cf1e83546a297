import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_POOL_BYTES, formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './trace-context.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;

const lowerHex = (bytes: number) =>
  fc
    .uint8Array({ minLength: bytes, maxLength: bytes })
    .filter((array) => array.some((b) => b !== 0))
    .map((array) => Buffer.from(array).toString('hex'));

describe('parseTraceparent', () => {
  it('parses the example header of the W3C specification', () => {
    expect(parseTraceparent(VALID)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' });
  });

  it('takes the first value of a repeated header and ignores surrounding whitespace', () => {
    expect(parseTraceparent([VALID, `00-${'1'.repeat(32)}-${PARENT_ID}-01`])?.traceId).toBe(TRACE_ID);
    expect(parseTraceparent(` ${VALID}\t`)?.traceId).toBe(TRACE_ID);
  });

  it('keeps unknown flags', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-ff`)?.flags).toBe('ff');
  });

  it('accepts a future version with more fields after the flags', () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-holds`)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['an empty list', []],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['version 00 with a trailing field', `00-${TRACE_ID}-${PARENT_ID}-01-extra`],
    ['a future version followed by something other than a dash', `cc-${TRACE_ID}-${PARENT_ID}-01x`],
    ['an all-zero trace-id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent-id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['an uppercase trace-id', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
    ['an uppercase parent-id', `00-${TRACE_ID}-${PARENT_ID.toUpperCase()}-01`],
    ['an uppercase version', `0A-${TRACE_ID}-${PARENT_ID}-01`],
    ['uppercase flags', `00-${TRACE_ID}-${PARENT_ID}-0F`],
    ['a short trace-id', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a long parent-id', `00-${TRACE_ID}-${PARENT_ID}0-01`],
    ['one-digit flags', `00-${TRACE_ID}-${PARENT_ID}-1`],
    ['a non-hex character', `00-${TRACE_ID.slice(0, -1)}g-${PARENT_ID}-01`],
    ['another separator', `00_${TRACE_ID}_${PARENT_ID}_01`],
  ])('ignores %s', (_, header) => {
    expect(parseTraceparent(header as string | string[] | undefined)).toBeUndefined();
  });
});

describe('formatTraceparent', () => {
  it('writes version 00 with the sampled flag by default', () => {
    expect(formatTraceparent(TRACE_ID, PARENT_ID)).toBe(VALID);
    expect(formatTraceparent(TRACE_ID, PARENT_ID, false)).toBe(`00-${TRACE_ID}-${PARENT_ID}-00`);
  });

  it('makes up a valid span-id when none is given', () => {
    const parsed = parseTraceparent(formatTraceparent(TRACE_ID));
    expect(parsed?.traceId).toBe(TRACE_ID);
    expect(parsed?.parentId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('round-trips through parseTraceparent', () => {
    fc.assert(
      fc.property(lowerHex(16), lowerHex(8), fc.boolean(), (traceId, spanId, sampled) => {
        expect(parseTraceparent(formatTraceparent(traceId, spanId, sampled))).toEqual({ traceId, parentId: spanId, flags: sampled ? '01' : '00' });
      }),
    );
  });
});

describe('newTraceId and newSpanId', () => {
  it('are lowercase hex of the right length, never all zeros, and differ each call', () => {
    const traceIds = new Set(Array.from({ length: 200 }, newTraceId));
    const spanIds = new Set(Array.from({ length: 200 }, newSpanId));
    expect(traceIds.size).toBe(200);
    expect(spanIds.size).toBe(200);
    for (const id of traceIds) expect(id).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    for (const id of spanIds) expect(id).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
  });

  it('stay distinct and valid across refills of their random pool', () => {
    // Three pools' worth of ids: every refill draws new bytes, none is handed out twice.
    const count = Math.ceil((3 * ID_POOL_BYTES) / 24);
    const pairs = Array.from({ length: count }, () => `${newTraceId()}-${newSpanId()}`);
    expect(new Set(pairs).size).toBe(count);
    for (const pair of pairs) expect(pair).toMatch(/^(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}$/);
    // Every byte value turns up: the pool is filled from the generator, not left as allocated.
    const bytes = new Set(pairs.join('').replace(/-/g, '').match(/../g));
    expect(bytes.size).toBe(256);
  });

  it('make a header that parses', () => {
    const traceId = newTraceId();
    expect(parseTraceparent(formatTraceparent(traceId, newSpanId()))?.traceId).toBe(traceId);
  });
});
