import { describe, expect, it } from 'vitest';
import { isCI } from './is-ci.js';

describe('isCI', () => {
  it.each([
    ['unset', {}, false],
    ["''", { CI: '' }, false],
    ["'false'", { CI: 'false' }, false],
    ["'0'", { CI: '0' }, false],
    ["'true'", { CI: 'true' }, true],
    ["'1'", { CI: '1' }, true],
    ["'woodpecker'", { CI: 'woodpecker' }, true],
  ])('CI %s → %s', (_, env, expected) => {
    expect(isCI(env)).toBe(expected);
  });

  it('reads process.env by default', () => {
    expect(isCI()).toBe(isCI(process.env));
  });
});
