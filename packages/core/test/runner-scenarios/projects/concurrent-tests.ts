import type { Project } from '../scenario.js';

// Three concurrent tests, one with an N+1 (#12.1): each is gated on its own scopes only. The clean tests end on each
// side of the N+1 test's loop, so a gate that drains every test's scopes at one test's end would misattribute it.
const spec = `import { PGlite } from '@electric-sql/pglite';
import { recordQueries } from '@perfgate/core';
import { afterAll, describe, expect, test } from '@runner';

// Opened once, outside the tests: under jest, concurrent tests start before beforeAll hooks end.
const opened = PGlite.create();
afterAll(async () => (await opened).close());

// Each test waits here until all three have started, so they overlap whichever runner schedules them.
const started = new Set<string>();
let allStarted: () => void;
const together = new Promise<void>((resolve) => (allStarted = resolve));
async function startTogether(name: string): Promise<PGlite> {
  started.add(name);
  if (started.size === 3) allStarted();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(\`only \${[...started].join(', ')} started: the tests did not run concurrently\`)), 20_000).unref());
  await Promise.race([together, timeout]);
  return opened;
}
let loopDone: () => void;
const looped = new Promise<void>((resolve) => (loopDone = resolve));

describe('three concurrent tests', () => {
  test.concurrent('a clean test that ends before the loop', async () => {
    const db = await startTogether('before');
    const result = await recordQueries(() => db.query('SELECT $1::int AS n', [1]));
    expect(result.value.rows).toHaveLength(1);
  });

  test.concurrent('a test with an N+1', async () => {
    const db = await startTogether('n+1');
    const oneByOne = async () => {
      for (let n = 1; n <= 4; n++) await db.query('SELECT $1::int', [n]);
    };
    await recordQueries(oneByOne, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    loopDone();
  });

  test.concurrent('a clean test that ends after the loop', async () => {
    const db = await startTogether('after');
    await looped;
    const result = await recordQueries(() => db.query('SELECT $1::int AS n', [2]));
    expect(result.value.rows).toHaveLength(1);
  });
});
`;

export const concurrentTests: Project = { files: { 'test/concurrent.spec.ts': spec }, include: ['test/**/*.spec.ts'], pglite: true };
