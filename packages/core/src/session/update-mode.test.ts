import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandWithUpdateLast, neverWrittenUnder, resolveUpdateMode } from './update-mode.js';

describe('resolveUpdateMode', () => {
  const mode = (requested: 'all' | 'new' | 'none' | undefined, ciEnv = false, ciFlag?: string) => resolveUpdateMode({ requested, ciEnv, ciFlag, command: 'vitest -u' });

  it('#11.6 maps `new` to "add new entries, rewrite none", `all` to both, none and no flag to neither', () => {
    expect(mode('all')).toMatchObject({ addNew: true, rewrite: true, ci: false });
    expect(mode('new')).toMatchObject({ addNew: true, rewrite: false, ci: false });
    expect(mode('none')).toMatchObject({ addNew: false, rewrite: false });
    expect(mode(undefined)).toMatchObject({ addNew: false, rewrite: false });
  });

  it('#11.6 writes nothing under CI=true or the runner\'s CI flag, and names what refused', () => {
    expect(mode('all', true)).toMatchObject({ addNew: false, rewrite: false, ci: true, blockedBy: 'CI=true' });
    expect(mode('all', false, '--ci')).toMatchObject({ addNew: false, rewrite: false, ci: true, blockedBy: '--ci' });
    expect(mode('all', true, '--ci').blockedBy).toBe('CI=true');
    expect(neverWrittenUnder('CI=true')).toBe('it is never written under CI=true');
    expect(neverWrittenUnder(undefined)).toBe('it is never written under CI=true');
    expect(neverWrittenUnder('--ci')).toBe('it is never written under CI=true or --ci, and this run has --ci');
  });
});

describe('commandWithUpdateLast', () => {
  it('#11.6 gives the word vitest took for the update type back as a filter, with -u last', () => {
    expect(commandWithUpdateLast(['run', '-u', 'test/orders.spec.ts'], 'test/orders.spec.ts')).toBe('vitest run test/orders.spec.ts -u');
    expect(commandWithUpdateLast(['run', '--update', 'test/a.spec.ts', '--reporter=dot'], 'test/a.spec.ts')).toBe('vitest run test/a.spec.ts --reporter=dot -u');
    expect(commandWithUpdateLast(['run', '--update=orders'], 'orders')).toBe('vitest run orders -u');
    // Started programmatically: no command line to fix, so the word is added.
    expect(commandWithUpdateLast([], 'orders')).toBe('vitest orders -u');
  });

  it('#11.6 keeps every other argument in order, the word once, and ends with -u', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9/._-]{0,20}$/).filter((w) => !['-u', '--update'].includes(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.array(word, { maxLength: 5 }), word, fc.constantFrom('-u', '--update'), (before, after, swallowed, flag) => {
        fc.pre(![...before, ...after].includes(swallowed));
        const fixed = commandWithUpdateLast([...before, flag, swallowed, ...after], swallowed).split(' ');
        expect(fixed).toEqual(['vitest', ...before, swallowed, ...after, '-u']);
      }),
    );
  });
});
