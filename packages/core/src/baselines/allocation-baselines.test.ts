import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { baselinePathFor, EMPTY_BASELINES, parseBaselines, readBaselines, serializeBaselines, withBaselines } from './allocation-baselines.js';

const PATH = '/repo/test/__perfgate__/logger.spec.ts.json';

describe('allocation baseline files', () => {
  it('live in __perfgate__ beside the spec, named after it', () => {
    expect(baselinePathFor('/repo/test/logger.spec.ts')).toBe(PATH);
  });

  it('serialise sorted, one figure per line to 0.1 B, and parse back', () => {
    const file = withBaselines(EMPTY_BASELINES, [
      { runtime: 'node22-x64', test: 'logger formats a line', bytesPerOp: 1_000.04 },
      { runtime: 'node20-x64', test: 'serializer writes an order', bytesPerOp: 312.55 },
      { runtime: 'node20-x64', test: 'logger formats a line', bytesPerOp: 1_234.56 },
    ]);
    const text = serializeBaselines(file);
    expect(text).toBe(`{
  "version": 1,
  "bytesPerOp": {
    "node20-x64": {
      "logger formats a line": 1234.6,
      "serializer writes an order": 312.6
    },
    "node22-x64": {
      "logger formats a line": 1000
    }
  }
}
`);
    expect(parseBaselines(text, PATH)).toEqual(file);
  });

  it('set new figures over old ones, leaving the rest', () => {
    const before = withBaselines(EMPTY_BASELINES, [
      { runtime: 'node20-x64', test: 'a', bytesPerOp: 1 },
      { runtime: 'node20-x64', test: 'b', bytesPerOp: 2 },
    ]);
    const after = withBaselines(before, [{ runtime: 'node20-x64', test: 'b', bytesPerOp: 3 }]);
    expect(after.bytesPerOp).toEqual({ 'node20-x64': { a: 1, b: 3 } });
    expect(before.bytesPerOp['node20-x64']).toEqual({ a: 1, b: 2 });
  });

  it('read a missing file as empty', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    expect(readBaselines(PATH, missing)).toEqual(EMPTY_BASELINES);
  });

  it.each([
    ['{ "version": 1, "bytesPerOp": { ', /invalid JSON \(.+\)/],
    ['[]', /expected an object, found an empty array/],
    ['{ "version": 2, "bytesPerOp": {} }', /"version" must be 1, found number 2/],
    ['{ "version": 1 }', /"bytesPerOp" must be an object of runtimes, found undefined/],
    ['{ "version": 1, "bytesPerOp": { "node20-x64": 5 } }', /"bytesPerOp"\."node20-x64" must be an object of test names, found number 5/],
    ['{ "version": 1, "bytesPerOp": { "node20-x64": { "t": "5 KiB" } } }', /"bytesPerOp"\."node20-x64"\."t" must be a number of bytes, 0 or more; found the string "5 KiB"/],
  ])('reject %s, naming the file and the problem', (text, problem) => {
    const error = thrownBy(() => readBaselines(PATH, () => text));
    expect(error).toBeInstanceOf(PerfgateError);
    expect((error as PerfgateError).code).toBe('CORRUPT_FILE');
    expect(error.message).toMatch(problem);
    expect(error.message.startsWith(`perfgate: ${PATH} is not a valid allocation baseline file: `)).toBe(true);
    expect(error.message.endsWith('It was left as it is; fix it by hand, or delete it and run the tests to record the baselines again.')).toBe(true);
  });
});
