import { isNPlusOneChecked, isQueryBudget, nPlusOnesAtFault } from './check-verdicts.js';
import type { GateName, GateSummary, TestReport } from './report-model.js';

export const GATE_NAMES: readonly GateName[] = ['queries', 'n-plus-one', 'allocations', 'bundles', 'latency'];

/**
 * Each gate's counts, from the tests' figures alone (so a merged report
 * recomputes them the same way). `queries`: query budgets checked.
 * `n-plus-one`: scopes checked for N+1s (by the gate or `toHaveNoNPlusOne`);
 * failed, one with an N+1 at fault (in 'warn' mode too: what would fail);
 * allowlisted, one whose every N+1 an allowlist entry covers. Then the
 * allocation, bundle and latency checks.
 */
export function buildGateSummaries(tests: readonly TestReport[]): GateSummary[] {
  const count = (gate: GateName, checked: number, failed: number, allowlisted = 0): GateSummary => ({ gate, checked, failed, allowlisted });
  const scopes = tests.flatMap((test) => test.scopes.filter(isNPlusOneChecked).map((scope) => ({ test, scope })));
  const budgets = tests.flatMap((t) => t.budgets.filter(isQueryBudget));
  const allocations = tests.flatMap((t) => t.allocations);
  const bundles = tests.flatMap((t) => t.bundles);
  const loads = tests.flatMap((t) => t.loads);
  const nPlusOnes = scopes.map(({ test, scope }) => ({ atFault: nPlusOnesAtFault(test, scope).length, all: scope.findings.filter((f) => f.type === 'n-plus-one') }));
  return [
    count('queries', budgets.length, budgets.filter((b) => !b.pass).length),
    count(
      'n-plus-one',
      scopes.length,
      nPlusOnes.filter((s) => s.atFault > 0).length,
      nPlusOnes.filter((s) => s.all.length > 0 && s.all.every((f) => f.allowlisted)).length,
    ),
    count('allocations', allocations.length, allocations.filter((a) => !a.pass).length),
    count('bundles', bundles.length, bundles.filter((b) => !b.pass).length),
    count('latency', loads.length, loads.filter((l) => !l.pass).length),
  ];
}
