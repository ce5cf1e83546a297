// Known allocations for the accuracy benchmark (bench/allocations.mjs), and the
// child process that measures them: `node allocation-cases.mjs perfgate` prints
// measureAllocations' figures, `node allocation-cases.mjs mitata` mitata's heap
// figure, as JSON. Each case is source text, so it can also be compiled in a
// vm context, where jest runs a test file.
//
// True sizes are V8's object layouts on 64-bit Node without pointer
// compression (Node's default build; 8-byte fields):
// - JSArray: map, properties, elements, length = 32 B; its FixedArray store 16 B + 8 B a slot.
// - JSObject with n in-object properties: map, properties, elements = 24 B + 8 B a property.
// - SeqOneByteString: map, hash, length = 16 B + 1 B a character, rounded up to 8.
// - ConsString (a + b, 13 characters or more): map, hash, length, first, second = 32 B.
// - An arrow function: JSFunction (map, properties, elements, shared, context,
//   feedback cell, code) = 56 B, and its Context (map, length, scope info, previous, 1 slot) = 40 B.
import { createContext, runInContext } from 'node:vm';

export const CASES = [
  { name: 'new Array(1000) of holes', truth: 32 + 16 + 8 * 1000, source: '() => new Array(1000)' },
  { name: 'object, 2 properties', truth: 24 + 2 * 8, source: '(() => { let n = 0; return () => ({ id: ++n, ok: true }); })()' },
  { name: 'object, 6 properties', truth: 24 + 6 * 8, source: '(() => { let n = 0; return () => ({ a: n, b: n, c: n, d: n, e: n, f: ++n }); })()' },
  { name: 'string, 1,000 characters (toUpperCase)', truth: 16 + 1000, source: "(() => { const lower = 'a'.repeat(1000); return () => lower.toUpperCase(); })()" },
  {
    name: 'string concatenation (a ConsString)',
    truth: 32,
    source: "(() => { const parts = ['alpha-', 'bravo-', 'charlie-', 'delta-']; let i = 0; return () => parts[i++ & 3] + 'and some more text'; })()",
  },
  { name: 'closure over one variable', truth: 56 + 40, source: '(() => { let n = 0; return () => { let x = ++n; return () => x++; }; })()' },
  { name: 'allocates nothing', truth: 0, source: '(() => { let n = 0; return () => ++n; })()' },
];

/** Async: the same function with and without an array after its await; the difference is the array. */
export const ASYNC_CASE = {
  name: 'async: new Array(1000) after an await (difference)',
  truth: 32 + 16 + 8 * 1000,
  with: 'async () => { await null; return new Array(1000); }',
  without: 'async () => { await null; return 0; }',
};

const inMain = (source) => new Function(`return ${source}`)();
const inContext = (source) => runInContext(source, createContext({}));

async function measurePerfgate() {
  const { measureAllocations } = await import('@perfgate/core');
  const timed = async (fn) => {
    const t0 = performance.now();
    const { bytesPerOp } = await measureAllocations(fn);
    return { bytes: bytesPerOp, ms: performance.now() - t0 };
  };
  const results = {};
  for (const { name, source } of CASES) results[name] = { main: await timed(inMain(source)), vm: await timed(inContext(source)) };
  const figure = async (compile) => {
    const withArray = await timed(compile(ASYNC_CASE.with));
    const without = await timed(compile(ASYNC_CASE.without));
    return { bytes: withArray.bytes - without.bytes, ms: Math.max(withArray.ms, without.ms) };
  };
  results[ASYNC_CASE.name] = { main: await figure(inMain), vm: await figure(inContext) };
  return results;
}

/** mitata's heap figure, as `bench(name, fn)` and `run()` report it with default flags. */
async function measureMitata() {
  const { bench, run } = await import('mitata');
  for (const { name, source } of CASES) bench(name, inMain(source));
  const { benchmarks } = await run({ format: 'quiet' });
  return Object.fromEntries(benchmarks.map((b) => [b.alias, b.runs[0]?.stats?.heap?.avg ?? null]));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const tool = process.argv[2];
  const results = tool === 'mitata' ? await measureMitata() : await measurePerfgate();
  process.stdout.write(JSON.stringify(results));
}
