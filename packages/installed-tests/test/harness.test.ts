import { describe, expect, test } from 'vitest';
import { installedProject } from './support/installed-project.js';

// The harness proves itself on the smallest user projects: each runner, installed from the tarballs, fails the
// fixture's N+1 spec with perfgate's own messages (so the matchers, the plugin or preset, and the gate all loaded).
// Each runner indents a failure its own way: compared with the indentation of every line removed.
const unindent = (text: string) => text.replace(/^ +/gm, '');
const BUDGET_FAILURE = unindent('Expected: at most 2 queries\nReceived: 6 queries, 4 over budget\nRequest:  GET /orders\n');
const SHAPES = unindent('  5 × SELECT sku FROM order_items WHERE order_id = ?\n      from src/app.ts:22:40\n  1 × SELECT id FROM orders ORDER BY id\n');
const GATE_FAILURE = "PerfgateError: perfgate nPlusOne: 'fail' — N+1 in a scope this test created\n";
const FINDING = unindent('      5 different parameter sets\n      from  src/app.ts:22:40\n      after 1 × SELECT id FROM orders ORDER BY id\n');

describe('installed from the packed tarballs', () => {
  test('vitest-basic: the plugin registers the matchers and the N+1 gate', async () => {
    const project = await installedProject('vitest-basic');
    const { code, stdout, stderr } = await project.run('vitest', ['run']);
    const output = unindent(stdout + stderr);
    expect(code).toBe(1);
    expect(output).toMatch(/✓ the batched endpoint keeps its budget/);
    expect(output).toMatch(/FAIL {2}test\/orders\.spec\.ts > the N\+1 endpoint breaks its budget\nError: expect\(received\)\.toIssueAtMost\(2\)\n/);
    expect(output).toContain(BUDGET_FAILURE);
    expect(output).toContain(SHAPES);
    expect(output).toContain(`FAIL  test/orders.spec.ts > the N+1 gate fails a test with no matcher\n${GATE_FAILURE}`);
    expect(output).toContain(FINDING);
    expect(output).toMatch(/Tests {2}2 failed \| 1 passed \(3\)/);
  });

  test('jest-basic: the preset registers the matchers and the N+1 gate', async () => {
    const project = await installedProject('jest-basic');
    // PGlite loads its WebAssembly with import(), which jest allows only with vm modules.
    const { code, stderr } = await project.run('jest', [], { env: { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' } });
    const output = unindent(stderr);
    expect(code).toBe(1);
    expect(output).toMatch(/✓ the batched endpoint keeps its budget/);
    expect(output).toContain('● the N+1 endpoint breaks its budget\n\nexpect(received).toIssueAtMost(2)\n');
    expect(output).toContain(BUDGET_FAILURE);
    expect(output).toContain(SHAPES);
    expect(output).toContain(`● the N+1 gate fails a test with no matcher\n\n${GATE_FAILURE}`);
    expect(output).toContain(FINDING);
    expect(output).toMatch(/Tests: {7}2 failed, 1 passed, 3 total/);
  });
});
