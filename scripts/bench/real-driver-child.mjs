// One child of real-driver-processes.mjs: one driver, one mode, one workload.
//   node scripts/bench/real-driver-child.mjs <pg|pglite> <mode> <workload> <tests>
// Sets up as the real-driver group does, enters the mode once, warms up,
// measures, and prints {"mode", "workload", "cpuNsPerQuery"} as its last line.
import { EMPTY_ALLOWLIST } from '@perfgate/core/runner';
import { MODES, WORKLOADS, enter, learnAllowlist, openApp, openPg, openPglite, queriesOf, runTests } from './real-modes.mjs';

const [driverName, modeArg, workloadArg, testsArg] = process.argv.slice(2);
const mode = MODES[Number(modeArg)];
const workload = WORKLOADS[Number(workloadArg)];
const tests = Number(testsArg);
if (mode === undefined || workload === undefined || !(tests > 0)) throw new Error(`real-driver-child: expected <pg|pglite> <mode 0–${MODES.length - 1}> <workload 0–${WORKLOADS.length - 1}> <tests>`);

const driver = driverName === 'pg' ? await openPg(process.env.DATABASE_URL) : await openPglite();
const { app, scopes, handles, close } = await openApp(driver);
try {
  // Only a gated mode needs the allowlist (learnt with perfgate on): the others never patch anything before their own mode.
  const allowlist = mode.gate ? await learnAllowlist(app, driver, scopes, handles) : EMPTY_ALLOWLIST;
  enter(mode, driver, handles);
  // Warm-up: the measured tests' numbers, so the same loops are optimised.
  await runTests(app, mode, scopes, allowlist, Math.max(60, tests >> 1), workload, 0);
  const start = process.cpuUsage();
  await runTests(app, mode, scopes, allowlist, tests, workload, 0);
  const used = process.cpuUsage(start);
  const cpuNsPerQuery = ((used.user + used.system) * 1_000) / queriesOf(workload, 0, tests);
  console.log(JSON.stringify({ mode: mode.name, workload: workload.name, cpuNsPerQuery }));
} finally {
  await close();
}
