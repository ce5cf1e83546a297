import { afterEach, describe, expect, it } from 'vitest';
import { resolvePerfgateOptions } from '../options/perfgate-options.js';
import { measuredGateSettings, setMeasuredGateSettings, startMeasuredGates, type MeasuredGatesOptions } from './measured-gates.js';

const gate = (changes: Partial<MeasuredGatesOptions> = {}): MeasuredGatesOptions => ({
  root: '/repo',
  options: resolvePerfgateOptions({ allocations: { tolerance: 0.2, reports: 'out/perfgate' }, latency: { floor: '5 ms', rounds: 7 } }, 'test'),
  update: false,
  ci: false,
  writable: true,
  coverage: false,
  updateCommand: 'vitest -u',
  runCommand: 'vitest run',
  ...changes,
});

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('the measured gates’ settings', () => {
  it('outside a runner: the defaults, and no baseline store', () => {
    const settings = measuredGateSettings();
    expect(settings.baselines).toBeUndefined();
    expect(settings.allocations).toMatchObject({ tolerance: 0.1, floorBytes: 64 });
    expect(settings.latency).toEqual({ tolerance: 0.25, floorMs: 2, rounds: 5 });
  });

  it('take each section from its option, and one baseline store for both', () => {
    const started = startMeasuredGates(gate());
    stop = started.stop;
    const settings = measuredGateSettings();
    expect(settings.baselines).toBe(started.baselines);
    expect(settings.allocations).toMatchObject({ tolerance: 0.2, floorBytes: 64, reportDir: '/repo/out/perfgate' });
    expect(settings.latency).toEqual({ tolerance: 0.25, floorMs: 5, rounds: 7 });
    expect([settings.root, settings.updateCommand, settings.runCommand]).toEqual(['/repo', 'vitest -u', 'vitest run']);
  });

  it('never update under CI, even with the update flag', () => {
    const started = startMeasuredGates(gate({ update: true, ci: true }));
    stop = started.stop;
    expect(started.baselines.options).toMatchObject({ update: false, ci: true });
  });

  it('change one section without touching the other, and undo exactly', () => {
    const undo = setMeasuredGateSettings({ latency: { rounds: 9 } });
    expect(measuredGateSettings().latency).toEqual({ tolerance: 0.25, floorMs: 2, rounds: 9 });
    expect(measuredGateSettings().allocations.tolerance).toBe(0.1);
    undo();
    expect(measuredGateSettings().latency.rounds).toBe(5);
  });
});
