#!/usr/bin/env node
// Where the real-driver group's CPU goes, for one driver and one mode:
//   node scripts/bench/profile-real-driver.mjs <pg|pglite> <mode 0-6> [tests] [out.cpuprofile]
// Sets up as the group does, warms up, then profiles `tests` tests (V8's
// sampling profiler, through node:inspector, so setup and warm-up stay out of
// it), writes the profile (open it in Chrome DevTools) and prints the
// functions with the most self time. pg needs DATABASE_URL.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { QUERIES_PER_TEST } from './real-app.mjs';
import { MODES, enter, learnAllowlist, openApp, openPg, openPglite, runTests } from './real-modes.mjs';

const [driverName = 'pg', modeArg = '6', testsArg = '400', out = `/tmp/perfgate-${driverName}-mode${modeArg}.cpuprofile`] = process.argv.slice(2);
const mode = MODES[Number(modeArg)];
if (mode === undefined) throw new Error(`mode must be 0–${MODES.length - 1}: ${MODES.map((m, i) => `${i} ${m.name}`).join(', ')}`);
const tests = Number(testsArg);
const url = process.env.DATABASE_URL;
if (driverName === 'pg' && !url) throw new Error('profiling pg needs DATABASE_URL');
const driver = driverName === 'pg' ? await openPg(url) : await openPglite();

const { app, scopes, handles, close } = await openApp(driver);
const session = new Session();
try {
  const allowlist = await learnAllowlist(app, driver, scopes, handles);
  enter(mode, driver, handles);
  await runTests(app, mode, scopes, allowlist, Math.max(50, tests >> 2));
  session.connect();
  await session.post('Profiler.enable');
  // One sample per 100 µs (V8's default is 1 ms): a query's own cost is a few µs.
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  await runTests(app, mode, scopes, allowlist, tests);
  const used = process.cpuUsage(cpu);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${driverName}, ${mode.name}: ${((used.user + used.system) / (tests * QUERIES_PER_TEST)).toFixed(1)} µs CPU per query (profiler on); profile in ${out}`);
  const own = selfTimeUs(profile, (file) => /\/packages\/(?:core|orm-adapters)\/dist\//.test(file));
  console.log(`perfgate's own functions: ${(own / 1000).toFixed(1)} ms self time, ${(own / (tests * QUERIES_PER_TEST)).toFixed(2)} µs per query (profiler on)`);
  printTop(profile, 25);
} finally {
  session.disconnect();
  await close();
}

/** Microseconds of samples whose innermost frame is in a file `matches` accepts. */
function selfTimeUs(profile, matches) {
  const dt = profile.timeDeltas.reduce((a, b) => a + b, 0) / profile.samples.length;
  const own = new Set(profile.nodes.filter((node) => matches(node.callFrame.url)).map((node) => node.id));
  return profile.samples.filter((id) => own.has(id)).length * dt;
}

/** The functions with the most self time, with their file and line. */
function printTop(profile, count) {
  const dt = profile.timeDeltas.reduce((a, b) => a + b, 0) / profile.samples.length;
  const self = new Map();
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + dt);
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${file.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/packages\//, '')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  }
}
