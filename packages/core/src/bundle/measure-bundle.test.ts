import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedSize } from './compressed-size.js';
import { globFiles } from './glob-files.js';
import { measureBundle } from './measure-bundle.js';

let root: string;

/** An app entry that imports a dependency whose size the test sets (`pad` bytes of incompressible text). */
function writeApp(pad: number): void {
  mkdirSync(join(root, 'node_modules', 'big-dep'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'big-dep', 'package.json'), JSON.stringify({ name: 'big-dep', main: 'index.js' }));
  const text = randomBytes(Math.ceil(pad * 0.75) + 3).toString('base64').slice(0, pad);
  writeFileSync(join(root, 'node_modules', 'big-dep', 'index.js'), `export const blob = ${JSON.stringify(text)};\nexport function size() { return blob.length; }\n`);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'entry.js'), "import { size } from 'big-dep';\nimport { greet } from './greet.js';\nexport function main() { return greet('x') + size(); }\n");
  writeFileSync(join(root, 'src', 'greet.js'), 'export function greet(name) { return `hello ${name}`; }\n');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'perfgate-bundle-'));
  writeApp(1_000);
  mkdirSync(join(root, 'dist', 'routes', 'admin'), { recursive: true });
  for (const [file, size] of [['dist/routes/orders.js', 3_000], ['dist/routes/users.js', 500], ['dist/routes/admin/audit.js', 100], ['dist/routes/orders.js.map', 9_000]] as const) {
    writeFileSync(join(root, file), 'x'.repeat(size));
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('compressedSize', () => {
  it('is what node:zlib makes of the same bytes (gzip level 9, brotli quality 11)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
        expect(compressedSize(bytes, 'raw')).toBe(bytes.byteLength);
        expect(compressedSize(bytes, 'gzip')).toBe(gzipSync(bytes, { level: 9 }).byteLength);
        expect(compressedSize(bytes, 'brotli')).toBe(brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength);
      }),
      { numRuns: 50 },
    );
  });
});

describe('globFiles', () => {
  it('matches * within a folder, ** across folders and {a,b} alternatives, sorted', () => {
    expect(globFiles('dist/routes/*.js', root).map((f) => f.slice(root.length + 1))).toEqual(['dist/routes/orders.js', 'dist/routes/users.js']);
    expect(globFiles('dist/**/*.js', root).map((f) => f.slice(root.length + 1))).toEqual(['dist/routes/admin/audit.js', 'dist/routes/orders.js', 'dist/routes/users.js']);
    expect(globFiles('dist/routes/{orders,users}.js*', root)).toHaveLength(3);
  });
});

describe('measureBundle', () => {
  it('bundles and minifies an entry, and attributes its bytes to the input modules', async () => {
    const { compression, files } = await measureBundle('test', 'src/entry.js', { cwd: root });
    expect(compression).toBe('brotli');
    const [file] = files;
    expect(file!.file).toBe('src/entry.js');
    expect(file!.inputs.map((input) => input.path)).toEqual(['node_modules/big-dep/index.js', 'src/greet.js', 'src/entry.js']);
    expect(file!.inputs[0]!.bytes).toBeGreaterThan(1_000);
    expect(file!.inputs.reduce((sum, input) => sum + input.bytes, 0)).toBeLessThanOrEqual(file!.raw);
    expect(file!.size).toBeLessThan(file!.raw);
  });

  it('grows by what the dependency grew, and compresses the very bytes esbuild emitted', async () => {
    const before = (await measureBundle('test', 'src/entry.js', { cwd: root, compression: 'raw' })).files[0]!;
    writeApp(11_000);
    try {
      const after = (await measureBundle('test', 'src/entry.js', { cwd: root, compression: 'raw' })).files[0]!;
      expect(after.size - before.size).toBe(10_000);
      expect(after.inputs[0]!.bytes - before.inputs[0]!.bytes).toBe(10_000);
      const gzip = (await measureBundle('test', ['src/entry.js'], { cwd: root, compression: 'gzip' })).files[0]!;
      expect(gzip.raw).toBe(after.raw);
      expect(gzip.size).toBeGreaterThan(after.raw * 0.7); // base64 text: ~6 bits a character
    } finally {
      writeApp(1_000);
    }
  });

  it('measures built files as they are when given a glob', async () => {
    const { files } = await measureBundle('test', 'dist/routes/*.js', { cwd: root, compression: 'raw' });
    expect(files.map(({ file, size, inputs }) => [file, size, inputs.length])).toEqual([
      ['dist/routes/orders.js', 3_000, 0],
      ['dist/routes/users.js', 500, 0],
    ]);
  });

  it('names what is wrong with the input', async () => {
    await expect(measureBundle('m', 'src/missing.js', { cwd: root })).rejects.toThrow(`m: src/missing.js does not exist (resolved from ${root})`);
    await expect(measureBundle('m', 'dist/*.css', { cwd: root })).rejects.toThrow(`m: the glob 'dist/*.css' matched no file under ${root}; build first?`);
    await expect(measureBundle('m', 42, { cwd: root })).rejects.toThrow("m: expect() takes a file path, a list of paths or a glob such as 'dist/routes/*.js'");
    await expect(measureBundle('m', 'src/entry.js', { cwd: root, compression: 'zstd' as never })).rejects.toThrow(
      "m: compression the string \"zstd\" is not one perfgate measures; use 'brotli' (the default), 'gzip' or 'raw'.",
    );
    writeFileSync(join(root, 'src', 'broken.js'), "import { nothing } from './nowhere.js';\n");
    await expect(measureBundle('m', 'src/broken.js', { cwd: root })).rejects.toThrow(/^m: esbuild could not bundle src\/broken\.js: Could not resolve "\.\/nowhere\.js" \(src\/broken\.js:1\)$/);
  });
});
