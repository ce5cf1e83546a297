import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMergeArgs } from './parse-merge-args.js';

const file = fc.stringMatching(/^[a-z0-9_][a-z0-9_./-]{0,20}$/);
const flag = fc.constantFrom(['--json'], ['-u'], ['--update'], ['--update=new'], ['--no-out'], ['--allow-mixed-roots'], ['--root', 'checkout'], ['--out=merged']);

describe('parseMergeArgs', () => {
  it('reads the defaults: no update, the .perfgate folder, the working directory', () => {
    expect(parseMergeArgs(['a.json', 'b.json'])).toEqual({ files: ['a.json', 'b.json'], update: 'none', json: false, out: '.perfgate', root: undefined, allowMixedRoots: false, help: false });
  });

  it('keeps every file in order and reads each option wherever it stands', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(file.map((f) => [f]), flag), { maxLength: 12 }), (parts) => {
        const args = parseMergeArgs(parts.flat());
        const flags = parts.filter((p) => p[0]!.startsWith('-')).map((p) => p.join(' '));
        expect(args.files).toEqual(parts.filter((p) => !p[0]!.startsWith('-')).map((p) => p[0]));
        expect(args.json).toBe(flags.includes('--json'));
        expect(args.allowMixedRoots).toBe(flags.includes('--allow-mixed-roots'));
        const updates = flags.filter((f) => f.startsWith('-u') || f.startsWith('--update'));
        expect(args.update).toBe(updates.length === 0 ? 'none' : updates.at(-1) === '--update=new' ? 'new' : 'all');
        const outs = flags.filter((f) => f === '--no-out' || f === '--out=merged');
        expect(args.out).toBe(outs.length === 0 ? '.perfgate' : outs.at(-1) === '--no-out' ? false : 'merged');
        expect(args.root).toBe(flags.includes('--root checkout') ? 'checkout' : undefined);
      }),
    );
  });

  it('takes everything after -- as a file', () => {
    expect(parseMergeArgs(['--json', '--', '--odd.json', '-u']).files).toEqual(['--odd.json', '-u']);
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseMergeArgs(['--updat', 'a.json'])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: unknown option "--updat" (see \`npx perfgate --help\`).]`);
    expect(() => parseMergeArgs(['--update=rewrite'])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: --update=rewrite is not an update type; use --update (all) or --update=new (see \`npx perfgate --help\`).]`);
    expect(() => parseMergeArgs(['a.json', '--out'])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: --out needs a value (see \`npx perfgate --help\`).]`);
    expect(() => parseMergeArgs(['--root', '--json'])).toThrowErrorMatchingInlineSnapshot(`[PerfgateError: perfgate merge: --root needs a value (see \`npx perfgate --help\`).]`);
  });
});
