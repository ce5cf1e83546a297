import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createScope, runInScope } from '../scope/run-in-scope.js';
import { callRecorded, startQuery } from './recorder.js';

const run = promisify(execFile);
const builtAdapter = new URL('../../dist/adapter.js', import.meta.url).href;
const builtCore = new URL('../../dist/index.js', import.meta.url).href;

/**
 * Node's unhandled-rejection tracking, seen from a child process: vitest's
 * own listener would fail this run on the rejection the test provokes. The
 * child calls a "driver" whose promise rejects, through the built callRecorded
 * (`perfgate`) or directly (`plain`), and prints what 'unhandledRejection' saw.
 */
async function unhandledIn(mode: 'plain' | 'perfgate', caller: 'forgets' | 'catches'): Promise<{ reports: number; sameError: boolean; failed: boolean | null }> {
  const script = `
    import { callRecorded, startQuery } from ${JSON.stringify(builtAdapter)};
    import { recordQueries } from ${JSON.stringify(builtCore)};
    const error = new Error('relation "no_such_table" does not exist');
    const reasons = [];
    process.on('unhandledRejection', (reason) => reasons.push(reason));
    const driver = () => Promise.reject(error);
    let record = null;
    await recordQueries(async () => {
      record = startQuery({ sql: 'INSERT INTO no_such_table VALUES (1)', source: 'test', dialect: 'postgres' });
      const promise = ${mode === 'perfgate' ? 'callRecorded(record, driver)' : 'driver()'};
      ${caller === 'catches' ? 'promise.catch(() => {});' : ''}
    });
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    console.log(JSON.stringify({ reports: reasons.length, sameError: reasons.every((r) => r === error), failed: ${mode === 'perfgate' ? 'record.failed' : 'null'} }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('.', import.meta.url)) });
  return JSON.parse(stdout) as { reports: number; sameError: boolean; failed: boolean | null };
}

describe('callRecorded', () => {
  it('#11.1 leaves an unawaited failing query unhandled, as the driver alone does, with the same error object', async () => {
    const [plain, instrumented] = await Promise.all([unhandledIn('plain', 'forgets'), unhandledIn('perfgate', 'forgets')]);
    expect(plain).toEqual({ reports: 1, sameError: true, failed: null });
    expect(instrumented).toEqual({ reports: 1, sameError: true, failed: true });
  });

  it('#11.1 reports nothing when the caller handles the rejection', async () => {
    expect(await unhandledIn('perfgate', 'catches')).toEqual({ reports: 0, sameError: true, failed: true });
  });

  it('hands back a promise of the driver’s class that settles with the driver’s value or error object', async () => {
    class DriverPromise<T> extends Promise<T> {}
    const scope = createScope({ kind: 'function', name: 'f' });
    const value = { rows: [] };
    const error = new Error('boom');
    const { ok, bad, records } = runInScope(scope, () => {
      const records = [startQuery({ sql: 'SELECT 1', source: 'test', dialect: 'postgres' })!, startQuery({ sql: 'SELECT 2', source: 'test', dialect: 'postgres' })!];
      return { records, ok: callRecorded(records[0]!, () => DriverPromise.resolve(value)), bad: callRecorded(records[1]!, () => DriverPromise.reject(error)) };
    });
    expect([ok instanceof DriverPromise, bad instanceof DriverPromise]).toEqual([true, true]);
    expect(await ok).toBe(value);
    await expect(bad).rejects.toBe(error);
    expect(records.map((r) => [r.failed, typeof r.durationMs])).toEqual([
      [false, 'number'],
      [true, 'number'],
    ]);
  });

  it('returns a non-promise result as is and rethrows a synchronous error untouched', () => {
    const scope = createScope({ kind: 'function', name: 'f' });
    const submittable = { submit() {} };
    const error = new TypeError('bad config');
    runInScope(scope, () => {
      const record = startQuery({ sql: 'SELECT 1', source: 'test', dialect: 'postgres' })!;
      expect(callRecorded(record, () => submittable)).toBe(submittable);
      expect(() =>
        callRecorded(record, () => {
          throw error;
        }),
      ).toThrow(error);
      expect(record.failed).toBe(true);
    });
  });
});
