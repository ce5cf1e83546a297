import { describe, expect, it } from 'vitest';
import { heapProfilePath, testNameOf, type TestMatcherContext } from './allocation-matcher.js';

const utils = { matcherHint: () => '' };
const file = { name: 'test/logger.spec.ts', filepath: '/repo/test/logger.spec.ts' };

describe('testNameOf', () => {
  it('joins vitest’s describe and test names with spaces, as jest names a test', () => {
    const suite = { name: 'logger', suite: file };
    const context: TestMatcherContext = { utils, currentTestName: 'logger > formats a line', task: { name: 'formats a line', suite } };
    expect(testNameOf(context)).toBe('logger formats a line');
    expect(testNameOf({ utils, task: { name: 'top level', suite: file } })).toBe('top level');
  });

  it('takes jest’s current test name as it is', () => {
    expect(testNameOf({ utils, currentTestName: 'logger formats a line' })).toBe('logger formats a line');
    expect(testNameOf({ utils })).toBeUndefined();
  });
});

describe('heapProfilePath', () => {
  it('files the profile under the spec’s name, named after the test', () => {
    expect(heapProfilePath('/repo/.perfgate', { utils, testPath: '/repo/test/logger.spec.ts' }, 'logger › formats a line (big)')).toBe('/repo/.perfgate/logger.spec.ts/logger-formats-a-line-big.heapprofile');
    expect(heapProfilePath('/repo/.perfgate', { utils }, '…')).toBe('/repo/.perfgate/function.heapprofile');
  });
});
