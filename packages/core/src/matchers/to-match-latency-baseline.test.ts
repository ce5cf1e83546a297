import { fileURLToPath } from 'node:url';
import express from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureMessage } from '../../test/matcher-helpers.js';
import { baselinePathFor, EMPTY_BASELINES, serializeBaselines, withBaselines } from '../baselines/baseline-file.js';
import { setMeasuredGateSettings } from '../session/measured-gates.js';
import { median } from '../load/latency-change.js';
import { BaselineSession } from '../baselines/baseline-session.js';
import { instrumentHttpServers } from '../http/http-scope.js';
import type { Instrumentation } from '../patch/instrumentation.js';
import { startQuery } from '../record/recorder.js';
import { perfgateMatchers } from './index.js';
import { machineKey } from './to-match-latency-baseline.js';

expect.extend(perfgateMatchers);

const FILE = baselinePathFor(fileURLToPath(import.meta.url));
const SUITE = 'toMatchLatencyBaseline';

/** GET /fast answers at once with one query; GET /slow sleeps 20 ms first. */
function app() {
  const server = express();
  server.get('/fast', (_req, res) => {
    startQuery({ sql: 'SELECT * FROM products LIMIT 50', source: 'test', dialect: 'postgres' });
    res.json([]);
  });
  server.get('/slow', (_req, res) => {
    startQuery({ sql: 'SELECT * FROM products LIMIT 50', source: 'test', dialect: 'postgres' });
    setTimeout(() => res.json([]), 20);
  });
  return server;
}

/** A session whose baseline file holds `stored` (test name → p99 rounds) for this machine; returns it and the undo. */
function session(stored: Record<string, number[]> | null, ci = false) {
  const text =
    stored === null
      ? null
      : serializeBaselines(withBaselines(EMPTY_BASELINES, Object.entries(stored).map(([test, rounds]) => ({ metric: 'p99 ms' as const, runtime: machineKey(), test, value: median(rounds), rounds, queriesPerRequest: 1 }))));
  const readFile = (path: string) => {
    expect(path).toBe(FILE);
    if (text === null) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };
  const baselines = new BaselineSession({ update: false, ci, writable: !ci, runtime: 'node20-x64', readFile });
  return { baselines, undo: setMeasuredGateSettings({ baselines, root: process.cwd(), updateCommand: 'vitest -u', runCommand: 'vitest run' }) };
}

let http_: Instrumentation;
let undo: (() => void) | undefined;
beforeAll(() => {
  http_ = instrumentHttpServers();
});
afterAll(() => http_.dispose());
afterEach(() => {
  undo?.();
  undo = undefined;
});

const options = { rounds: 5, requests: 40, connections: 4 } as const;

describe('toMatchLatencyBaseline', () => {
  it('records a new baseline: the p99 of each round and the queries per request', async () => {
    const { baselines, undo: restore } = session(null);
    undo = restore;
    await expect(request(app()).get('/fast')).toMatchLatencyBaseline(options);
    const [entry] = baselines.report().entries;
    expect(entry).toMatchObject({ file: FILE, runtime: machineKey(), test: `${SUITE} records a new baseline: the p99 of each round and the queries per request`, change: 'new' });
    expect(entry).toMatchObject({ metric: 'p99 ms', queriesPerRequest: 1 });
    const rounds = entry!.metric === 'p99 ms' ? entry!.rounds : [];
    expect(rounds).toHaveLength(5);
    expect(entry!.value).toBe(median(rounds));
  });

  it('fails a 20 ms regression, printing the rule and its numbers', async () => {
    const test = `${SUITE} fails a 20 ms regression, printing the rule and its numbers`;
    undo = session({ [test]: [1, 1, 1, 1, 1] }).undo;
    const message = await failureMessage(expect(request(app()).get('/slow')).toMatchLatencyBaseline(options));
    expect(message).toMatch(/Expected: p99 median ≤ 3 ms \(the baseline 1 ms \+ 25%, rises under 2 ms ignored\), unless the rounds cannot tell the runs apart \(one-sided Mann–Whitney p > 0\.01\)/);
    expect(message).toMatch(/Received: p99 median \d+ ms, \+\d+ ms \(\+\d+%\); Mann–Whitney U = 25, p = 0\.0040/);
    expect(message).toMatch(/Rounds: {3}baseline 1, 1, 1, 1, 1 ms; now (\d{2,}, ){4}\d{2,} ms\n/);
    expect(message).toContain(`Baseline: src/matchers/__perfgate__/to-match-latency-baseline.test.ts.json › ${JSON.stringify(test)} (${machineKey()})`);
    expect(message).toContain('Queries:  1 per request');
  });

  it('passes a faster endpoint and reports the improvement for the run summary', async () => {
    const test = `${SUITE} passes a faster endpoint and reports the improvement for the run summary`;
    const { baselines, undo: restore } = session({ [test]: [2000, 2100, 2050, 2200, 2150] });
    undo = restore;
    await expect(request(app()).get('/fast')).toMatchLatencyBaseline(options);
    expect(baselines.report().entries.map((entry) => [entry.metric, entry.change, entry.was])).toEqual([['p99 ms', 'improved', 2100]]);
  });

  it('fails without a baseline under CI, saying how to create one', async () => {
    undo = session(null, true).undo;
    const message = await failureMessage(expect(request(app()).get('/fast')).toMatchLatencyBaseline(options));
    expect(message).toMatch(/Received: p99 median \d+ ms, and no baseline: CI=true never writes one/);
    expect(message).toContain(`To create it:\n  run the suite on this machine without CI=true (vitest run) and commit src/matchers/__perfgate__/to-match-latency-baseline.test.ts.json; latency baselines are kept per machine (${machineKey()})`);
  });

  it('refuses .not and bad options at the call', async () => {
    await expect(expect(app()).not.toMatchLatencyBaseline()).rejects.toThrow('toMatchLatencyBaseline: cannot be used with .not');
    await expect(expect(app()).toMatchLatencyBaseline({ rounds: 3 })).rejects.toThrow('option "rounds" must be a whole number from 5 to 10 (fewer rounds can never show a difference at p ≤ 0.01); received number 3.');
    await expect(expect(app()).toMatchLatencyBaseline({ floor: 2 } as never)).rejects.toThrow(`option "floor" must be a duration such as '2 ms'`);
  });
});
