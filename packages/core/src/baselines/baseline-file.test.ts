import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { baselinePathFor, EMPTY_BASELINES, findBaseline, parseBaselines, readBaselines, serializeBaselines, withBaselines, type BaselineRecord } from './baseline-file.js';

const PATH = '/repo/test/__perfgate__/logger.spec.ts.json';

/** A file of version 1, as perfgate wrote it before one store held every metric: latency sat in a section of its own. */
const VERSION_1 = `{
  "version": 1,
  "bytesPerOp": {
    "node20-x64": {
      "logger formats a line": 1234.6
    }
  },
  "latency": {
    "node20-x64-2cpu": {
      "GET /products": {
        "p99Ms": [303, 126, 114, 94, 101],
        "queriesPerRequest": 61
      }
    }
  }
}
`;

describe('baseline files', () => {
  it('live in __perfgate__ beside the spec, named after it', () => {
    expect(baselinePathFor('/repo/test/logger.spec.ts')).toBe(PATH);
  });

  it('serialise every metric in one sorted list, one record per line, bytes to 0.1 B, and parse back', () => {
    const file = withBaselines(EMPTY_BASELINES, [
      { metric: 'p99 ms', runtime: 'node20-x64-2cpu', test: 'GET /products', value: 114, rounds: [303, 126, 114, 94, 101], queriesPerRequest: 61 },
      { metric: 'bytes/op', runtime: 'node22-x64', test: 'logger formats a line', value: 1_000.04 },
      { metric: 'bytes/op', runtime: 'node20-x64', test: 'serializer writes an order', value: 312.55 },
      { metric: 'bytes/op', runtime: 'node20-x64', test: 'logger formats a line', value: 1_234.56 },
    ]);
    const text = serializeBaselines(file);
    expect(text).toMatchInlineSnapshot(`
      "{
        "version": 2,
        "baselines": [
          { "metric": "bytes/op", "runtime": "node20-x64", "test": "logger formats a line", "value": 1234.6 },
          { "metric": "bytes/op", "runtime": "node20-x64", "test": "serializer writes an order", "value": 312.6 },
          { "metric": "bytes/op", "runtime": "node22-x64", "test": "logger formats a line", "value": 1000 },
          { "metric": "p99 ms", "runtime": "node20-x64-2cpu", "test": "GET /products", "value": 114, "rounds": [303, 126, 114, 94, 101], "queriesPerRequest": 61 }
        ]
      }
      "
    `);
    expect(serializeBaselines(parseBaselines(text, PATH))).toBe(text);
    expect(findBaseline(parseBaselines(text, PATH), 'bytes/op', 'node22-x64', 'logger formats a line')?.value).toBe(1_000);
  });

  it('set new figures over those of the same metric, runtime and test, leaving the rest', () => {
    const before = withBaselines(EMPTY_BASELINES, [
      { metric: 'bytes/op', runtime: 'node20-x64', test: 'a', value: 1 },
      { metric: 'bytes/op', runtime: 'node20-x64', test: 'b', value: 2 },
      { metric: 'p99 ms', runtime: 'node20-x64', test: 'b', value: 5, rounds: [5, 5, 5, 5, 5] },
    ]);
    const after = withBaselines(before, [{ metric: 'bytes/op', runtime: 'node20-x64', test: 'b', value: 3 }]);
    expect(after.baselines.map((record) => [record.metric, record.test, record.value])).toEqual([
      ['bytes/op', 'a', 1],
      ['bytes/op', 'b', 3],
      ['p99 ms', 'b', 5],
    ]);
    expect(findBaseline(before, 'bytes/op', 'node20-x64', 'b')?.value).toBe(2);
  });

  it('store a latency value as the median of its rounds, so a written file always reads back', () => {
    const file = withBaselines(EMPTY_BASELINES, [{ metric: 'p99 ms', runtime: 'm', test: 't', value: 999, rounds: [3, 1, 2] }]);
    expect(findBaseline(file, 'p99 ms', 'm', 't')?.value).toBe(2);
    expect(parseBaselines(serializeBaselines(file), PATH)).toEqual(file);
  });

  it('read a version 1 file without losing a figure, and write it back in this version’s form', () => {
    const file = parseBaselines(VERSION_1, PATH);
    expect(file.baselines).toEqual([
      { metric: 'bytes/op', runtime: 'node20-x64', test: 'logger formats a line', value: 1_234.6 },
      { metric: 'p99 ms', runtime: 'node20-x64-2cpu', test: 'GET /products', value: 114, rounds: [303, 126, 114, 94, 101], queriesPerRequest: 61 },
    ]);
    expect(serializeBaselines(withBaselines(file, [{ metric: 'bytes/op', runtime: 'node20-x64', test: 'logger formats an error', value: 2_048 }]))).toMatchInlineSnapshot(`
      "{
        "version": 2,
        "baselines": [
          { "metric": "bytes/op", "runtime": "node20-x64", "test": "logger formats a line", "value": 1234.6 },
          { "metric": "bytes/op", "runtime": "node20-x64", "test": "logger formats an error", "value": 2048 },
          { "metric": "p99 ms", "runtime": "node20-x64-2cpu", "test": "GET /products", "value": 114, "rounds": [303, 126, 114, 94, 101], "queriesPerRequest": 61 }
        ]
      }
      "
    `);
  });

  it('read a missing file as empty', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    expect(readBaselines(PATH, missing)).toEqual(EMPTY_BASELINES);
  });

  it('survive a round trip through the file for any figures and test names', () => {
    const amount = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
    const base = { runtime: fc.constantFrom('node20-x64', 'node22-arm64-8cpu'), test: fc.string() };
    const record: fc.Arbitrary<BaselineRecord> = fc.oneof(
      fc.record({ metric: fc.constant('bytes/op' as const), ...base, value: amount }),
      fc.record({ ...base, rounds: fc.array(amount, { minLength: 1, maxLength: 10 }), queriesPerRequest: fc.option(amount, { nil: undefined }) }).map(({ queriesPerRequest, ...rest }) => ({
        metric: 'p99 ms' as const,
        ...rest,
        value: 0,
        ...(queriesPerRequest !== undefined && { queriesPerRequest }),
      })),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        // `withBaselines` keeps the last record of each key, as a run does, and sets each latency value to its median.
        const file = withBaselines(EMPTY_BASELINES, records);
        const text = serializeBaselines(file);
        expect(serializeBaselines(parseBaselines(text, PATH))).toBe(text);
        expect(parseBaselines(text, PATH).baselines).toHaveLength(file.baselines.length);
      }),
    );
  });

  it.each([
    ['{ "version": 2, "baselines": [ ', /invalid JSON \(.+\)/],
    ['[]', /expected an object, found an empty array/],
    ['{ "version": 3, "baselines": [] }', /it is version 3, written by a newer perfgate; this one reads versions 1 and 2, so upgrade perfgate/],
    ['{ "version": "2", "baselines": [] }', /"version" must be 2, found the string "2"/],
    ['{ "version": 2 }', /"baselines" must be a list of baselines, found undefined/],
    ['{ "version": 2, "baselines": [5] }', /"baselines"\[0\] must be an object such as \{ "metric": "bytes\/op", "runtime": …, "test": …, "value": … \}; found number 5/],
    ['{ "version": 2, "baselines": [{ "metric": "bytesPerOp", "runtime": "node20-x64", "test": "t", "value": 1 }] }', /"baselines"\[0\]\.metric must be one of "bytes\/op", "p99 ms"; found the string "bytesPerOp"/],
    ['{ "version": 2, "baselines": [{ "metric": "bytes/op", "runtime": "node20-x64", "test": "t", "value": "5 KiB" }] }', /"baselines"\[0\]\.value must be a number, 0 or more; found the string "5 KiB"/],
    ['{ "version": 2, "baselines": [{ "metric": "p99 ms", "runtime": "m", "test": "t", "value": 9, "rounds": [1, 2, 3] }] }', /"baselines"\[0\]\.value must be the median of its rounds, 2; found 9/],
    [
      '{ "version": 2, "baselines": [{ "metric": "bytes/op", "runtime": "node20-x64", "test": "t", "value": 1 }, { "metric": "bytes/op", "runtime": "node20-x64", "test": "t", "value": 2 }] }',
      /"baselines"\[1\] repeats the bytes\/op baseline of "t" on node20-x64/,
    ],
    ['{ "version": 1 }', /"bytesPerOp" must be an object of runtimes, found undefined/],
    ['{ "version": 1, "bytesPerOp": { "node20-x64": { "t": "5 KiB" } } }', /"bytesPerOp"\."node20-x64"\."t" must be a number of bytes, 0 or more; found the string "5 KiB"/],
    ['{ "version": 1, "bytesPerOp": {}, "latency": { "m": { "t": { "p99Ms": [] } } } }', /"latency"\."m"\."t"\.p99Ms must be a list of milliseconds; found an empty array/],
  ])('reject %s, naming the file and the problem', (text, problem) => {
    const error = thrownBy(() => readBaselines(PATH, () => text));
    expect(error).toBeInstanceOf(PerfgateError);
    expect((error as PerfgateError).code).toBe('CORRUPT_FILE');
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`perfgate: ${PATH} is not a valid baseline file: `)).toBe(true);
    expect(error.message.endsWith('It was left as it is; fix it by hand, or delete it and run the tests to record the baselines again.')).toBe(true);
  });
});
