import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { BYTE_UNITS, bytesOf, formatBytes, parseByteSize } from './byte-size.js';

const UNITS = ['B', 'kB', 'KB', 'KiB', 'MB', 'MiB', 'GB', 'GiB'] as const;

describe('parseByteSize', () => {
  it.each([
    [4096, 4096],
    [0, 0],
    [12.5, 12.5],
    ['512 B', 512],
    ['512B', 512],
    ['4 KiB', 4096],
    ['2 kB', 2000],
    ['2 KB', 2000],
    ['1.5 MiB', 1.5 * 2 ** 20],
    ['3 MB', 3e6],
    ['1 GiB', 2 ** 30],
    ['1 GB', 1e9],
    ['  64  b ', 64],
    ['4 kib', 4096],
    ['.5 KiB', 512],
    ['100', 100],
  ])('%j is %d bytes', (size, bytes) => {
    expect(parseByteSize(size, 'toAllocateAtMost')).toBe(bytes);
  });

  it('names the value and the place in its error', () => {
    const error = thrownBy(() => parseByteSize('4 kilobytes', 'toAllocateAtMost'));
    expect(error).toBeInstanceOf(PerfgateError);
    expect((error as PerfgateError).code).toBe('INVALID_SIZE');
    expect(error.message).toMatchInlineSnapshot(
      `"toAllocateAtMost: the string "4 kilobytes" is not a size in bytes; write a number of bytes (4096) or a number and a unit ('4 KiB', '2 kB', '512 B'; units B, kB, KiB, MB, MiB, GB, GiB)."`,
    );
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [''], ['KiB'], ['-4 KiB'], ['4 KiB 2'], ['4 kbit'], ['1e3 B'], [null], [undefined], [[4096]], [{ bytes: 4 }]])('rejects %j', (size) => {
    expect(() => parseByteSize(size, 'x')).toThrow(PerfgateError);
  });

  it('reads any decimal number with any unit, in any case and spacing, as that many units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom('', ' ', '  '),
        fc.boolean(),
        (whole, decimals, unit, space, upper) => {
          const number = (whole / 10 ** decimals).toFixed(decimals);
          const text = `${number}${space}${upper ? unit.toUpperCase() : unit}`;
          expect(parseByteSize(text, 'x')).toBeCloseTo(Number(number) * BYTE_UNITS[unit.toLowerCase()]!, 6);
        },
      ),
    );
  });

  it('takes any finite number of 0 or more as bytes, and refuses every negative one', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        if (n >= 0) expect(parseByteSize(n, 'x')).toBe(n);
        else expect(bytesOf(n)).toBeUndefined();
      }),
    );
  });

  it('refuses any string that is not a number and a known unit, quoting it in the error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(!/^\s*(\d+(\.\d+)?|\.\d+)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.test(text));
        const error = thrownBy(() => parseByteSize(text, 'where'));
        expect(error.message).toContain(`where: the string ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`);
      }),
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [0.02, '0.02 B'],
    [40, '40 B'],
    [8052.7, '8,052.7 B (7.9 KiB)'],
    [1023.96, '1,024 B'],
    [1.5 * 2 ** 20, '1,572,864 B (1.5 MiB)'],
    [2 ** 31, '2,147,483,648 B (2 GiB)'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
