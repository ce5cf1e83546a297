import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureMessage } from '../../test/matcher-helpers.js';
import { rejectionOf } from '../../test/rejection-of.js';
import { measureBundle } from '../bundle/measure-bundle.js';
import { toHaveBundleSizeAtMost } from './to-have-bundle-size-at-most.js';

expect.extend({ toHaveBundleSizeAtMost });

let root: string;
const messageOf = async (assertion: Promise<unknown>) => (await failureMessage(assertion)).split(root).join('<root>');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-bundle-matcher-'));
  mkdirSync(join(root, 'node_modules', 'chart-lib'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'chart-lib', 'package.json'), '{"name":"chart-lib","main":"index.js"}');
  // Repetitive text compresses well; the sizes below are exact for these bytes.
  writeFileSync(join(root, 'node_modules', 'chart-lib', 'index.js'), `export const palette = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `#${(i * 2654435761 % 16777216).toString(16).padStart(6, '0')}`))};\n`);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'dashboard.js'), "import { palette } from 'chart-lib';\nexport const first = () => palette[0];\n");
  writeFileSync(join(root, 'src', 'login.js'), 'export const login = (user) => `hi ${user}`;\n');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'login.js'), 'export const login=u=>`hi ${u}`;');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('toHaveBundleSizeAtMost', () => {
  it('passes when every file is within the budget, in any unit', async () => {
    await expect(['src/login.js', 'src/dashboard.js']).toHaveBundleSizeAtMost('10 kB', { cwd: root });
    await expect('src/login.js').toHaveBundleSizeAtMost(100, { cwd: root, compression: 'raw' });
    await expect('dist/*.js').not.toHaveBundleSizeAtMost('10 B', { cwd: root, compression: 'gzip' });
  });

  it('fails naming each file over budget, by how much, and its largest input modules', async () => {
    expect(await messageOf(expect(['src/login.js', 'src/dashboard.js']).toHaveBundleSizeAtMost('1 kB', { cwd: root, compression: 'gzip' }))).toMatchInlineSnapshot(`
      "expect(entry).toHaveBundleSizeAtMost('1 kB')

      Expected: at most 1,000 B gzip per file
      Received: 1 of 2 files over budget

      Over budget:
        src/dashboard.js: 1,758 B (1.7 KiB) gzip, 758 B over (+75.8%)

      Largest inputs of src/dashboard.js, minified bytes before compression:
        node_modules/chart-lib/index.js   99.1%  4,008 B (3.9 KiB)
        src/dashboard.js                   0.4%  15 B"
    `);
  });

  it('reports the excess of a dependency that grew by a known amount, within 1%, and names it', async () => {
    const dep = join(root, 'node_modules', 'chart-lib', 'extra.js');
    writeFileSync(join(root, 'src', 'report.js'), "import { extra } from 'chart-lib/extra.js';\nexport const size = () => extra.length;\n");
    writeFileSync(dep, 'export const extra = "";\n');
    const before = (await measureBundle('t', 'src/report.js', { cwd: root, compression: 'raw' })).files[0]!.size;
    writeFileSync(dep, `export const extra = ${JSON.stringify('x'.repeat(20_000))};\n`);
    const message = await messageOf(expect('src/report.js').toHaveBundleSizeAtMost(before, { cwd: root, compression: 'raw' }));
    const excess = Number(/, ([\d,]+) B \([\d.]+ KiB\) over/.exec(message)![1]!.replace(/,/g, ''));
    expect(Math.abs(excess - 20_000) / 20_000).toBeLessThan(0.01);
    expect(message).toMatch(/Largest inputs of src\/report\.js, minified bytes before compression:\n  node_modules\/chart-lib\/extra\.js +\d+\.\d%/);
  });

  it('fails under .not when the files are within the budget', async () => {
    expect(await messageOf(expect('src/login.js').not.toHaveBundleSizeAtMost('1 KiB', { cwd: root }))).toMatchInlineSnapshot(`
      "expect(entry).not.toHaveBundleSizeAtMost('1 KiB')

      Expected: more than 1,024 B (1 KiB) brotli per file
      Received: 1 file within it; largest src/login.js: 43 B

      Sizes:
        src/login.js: 43 B brotli (39 B minified)"
    `);
  });

  it('says a built file has no module breakdown', async () => {
    expect(await messageOf(expect('dist/*.js').toHaveBundleSizeAtMost(10, { cwd: root, compression: 'raw' }))).toMatchInlineSnapshot(`
      "expect(entry).toHaveBundleSizeAtMost(10)

      Expected: at most 10 B raw per file
      Received: 1 of 1 file over budget

      Over budget:
        dist/login.js: 32 B raw, 22 B over (+220%)

      What is in dist/login.js:
        measured as built: bundle its entry (the default for a path) to see its input modules"
    `);
  });

  it('rejects a budget without a unit and an unknown compression, before bundling', async () => {
    expect(await rejectionOf(() => expect('src/login.js').toHaveBundleSizeAtMost('50' as never, { cwd: root }))).toMatchInlineSnapshot(`[PerfgateError: toHaveBundleSizeAtMost: the budget: the string "50" has no unit; write '50 kB' (1 kB = 1,000 B), '48 KiB' (1,024 B) or '512 B', or pass a number of bytes.]`);
    expect(await rejectionOf(() => expect('src/login.js').toHaveBundleSizeAtMost('50 kB', { cwd: root, compression: 'zstd' as never }))).toMatchInlineSnapshot(`[PerfgateError: toHaveBundleSizeAtMost: option "compression" must be one of 'brotli', 'gzip', 'raw'; received the string "zstd".]`);
    expect(await rejectionOf(() => expect('src/login.js').toHaveBundleSizeAtMost('fifty kB' as never))).toMatchInlineSnapshot(`[PerfgateError: toHaveBundleSizeAtMost: the budget: the string "fifty kB" is not a size in bytes; write a number of bytes (4096) or a number and a unit ('4 KiB', '2 kB', '512 B'; units B, kB, KiB, MB, MiB, GB, GiB).]`);
  });
});
