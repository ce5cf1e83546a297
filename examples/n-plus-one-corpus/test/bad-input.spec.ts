import { describe, expect, test } from 'vitest';
import { rejectionMessage } from './support/rejection-message.js';

// Mistakes in using the matchers, each caught before any work runs, with a
// message that names the option and what it accepts; the assertion's promise
// rejects, as any failure does (#11.3). No database needed.
const work = async () => [];
const populate = async () => {};

describe('toHaveNoNPlusOne', () => {
  test('rejects an unknown option name', async () => {
    // @ts-expect-error -- `treshold` is a typo for `threshold`
    expect(await rejectionMessage(() => expect(work).toHaveNoNPlusOne({ treshold: 4 }))).toMatchInlineSnapshot(`"PerfgateError: toHaveNoNPlusOne: unknown option "treshold"; the options are "threshold", "duplicates"."`);
  });

  test('rejects threshold: 1 (every statement would be an N+1)', async () => {
    expect(await rejectionMessage(() => expect(work).toHaveNoNPlusOne({ threshold: 1 }))).toMatchInlineSnapshot(`"PerfgateError: toHaveNoNPlusOne: option "threshold" must be a whole number, 2 or more; received number 1."`);
  });
});

describe('toIssueConstantQueries', () => {
  test('rejects an unknown option name', async () => {
    // @ts-expect-error -- `scale` is a typo for `scales`
    expect(await rejectionMessage(() => expect(work).toIssueConstantQueries({ populate, scale: [2, 5] }))).toMatchInlineSnapshot(`"PerfgateError: toIssueConstantQueries: unknown option "scale"; the options are "populate", "cleanup", "scales"."`);
  });

  test('rejects scales: [3, 3], one size twice', async () => {
    expect(await rejectionMessage(() => expect(work).toIssueConstantQueries({ populate, scales: [3, 3] }))).toMatchInlineSnapshot(`"PerfgateError: toIssueConstantQueries: option "scales" must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]; received an array [3, 3]."`);
  });

  test('rejects scales: [5], nothing to compare', async () => {
    expect(await rejectionMessage(() => expect(work).toIssueConstantQueries({ populate, scales: [5] }))).toMatchInlineSnapshot(`"PerfgateError: toIssueConstantQueries: option "scales" must list at least two different data sizes (whole numbers, 0 or more), like [2, 5]; received an array [5]."`);
  });

  test('rejects what is not a function to run (a promise already running)', async () => {
    expect(await rejectionMessage(() => expect(work()).toIssueConstantQueries({ populate }))).toMatchInlineSnapshot(`"PerfgateError: toIssueConstantQueries: expect() must receive a function that does the work, like () => request(app).get('/orders'); received a promise (already running, so perfgate cannot scope it)."`);
  });

  test('names populate(2) when it throws, and keeps its error as the cause', async () => {
    const seedError = new Error('relation "orders" does not exist');
    const failing = () => {
      throw seedError;
    };
    const error: unknown = await expect(work).toIssueConstantQueries({ populate: failing }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PerfgateError', code: 'HOOK_FAILED', cause: seedError });
    expect((error as Error).message).toMatchInlineSnapshot(`"toIssueConstantQueries: populate(2) threw: Error: relation "orders" does not exist"`);
  });
});
