import { afterEach, describe, expect, it, vi } from 'vitest';
import { recorded } from '../../test/matcher-helpers.js';
import { rejectionOf } from '../../test/rejection-of.js';
import { perfgateMatchers } from '../matchers/index.js';
import { colourEnabled } from './colour.js';

expect.extend(perfgateMatchers);

const terminal = { isTTY: true };
const pipe = { isTTY: false };
const ESC = '\u001b[';

describe('#11.12 colours only on a terminal', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('NO_COLOR turns them off, FORCE_COLOR decides when set, else the terminal does (vitest tells its workers in FORCE_TTY)', () => {
    expect(colourEnabled({}, terminal)).toBe(true);
    expect(colourEnabled({}, pipe)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1' }, terminal)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '' }, terminal)).toBe(true);
    expect(colourEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, terminal)).toBe(false);
    expect(colourEnabled({ FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(colourEnabled({ FORCE_COLOR: '0' }, terminal)).toBe(false);
    expect(colourEnabled({ FORCE_COLOR: 'false' }, terminal)).toBe(false);
    expect(colourEnabled({ FORCE_TTY: 'true' }, pipe)).toBe(true);
    expect(colourEnabled({ FORCE_TTY: '' }, terminal)).toBe(false);
  });

  it("takes the runner's colours out of a failure message when they are off, and keeps them when forced", async () => {
    const result = await recorded(['SELECT 1', 'SELECT 2']);
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('NO_COLOR', '1');
    expect((await rejectionOf(() => expect(result).toIssueAtMost(1))).message).not.toContain(ESC);
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_TTY', '');
    expect((await rejectionOf(() => expect(result).toIssueAtMost(1))).message).not.toContain(ESC);
    vi.stubEnv('FORCE_COLOR', '1');
    expect((await rejectionOf(() => expect(result).toIssueAtMost(1))).message).toContain(ESC);
  });
});
