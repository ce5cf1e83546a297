/**
 * Translates vitest's flags and state into perfgate's run model: what the
 * update flag lets the run write, and how much of the suite the run saw.
 */
import { commandWithUpdateLast, isCI, resolveUpdateMode, type RunCoverage, type UpdateMode } from '@perfgate/core/runner';

/** The fields of vitest's resolved config perfgate reads (some are internal: typed here, read defensively). */
export interface VitestRunState {
  readonly update?: boolean | string | undefined;
  /** `--shard=k/n`, 1-based. */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  readonly testNamePattern?: unknown;
  readonly changed?: boolean | string | undefined;
  readonly related?: readonly string[] | undefined;
  readonly project?: readonly string[] | undefined;
  /** The file filters of the command line (`Vitest.filenamePattern`). */
  readonly filters?: readonly string[] | undefined;
}

const UPDATE_TYPES = new Set(['all', 'new', 'none']);

/**
 * vitest 4's `-u [type]` takes the next word as its type, so `vitest run -u
 * test/orders.spec.ts` runs every spec with the "type" `test/orders.spec.ts`:
 * perfgate writes nothing then and says which command does what was meant.
 */
export function vitestUpdateMode(update: VitestRunState['update'], argv: readonly string[] = process.argv.slice(2), ciEnv = isCI()): UpdateMode {
  if (typeof update === 'string' && !UPDATE_TYPES.has(update)) {
    const command = commandWithUpdateLast(argv, update);
    const notice =
      `perfgate: vitest took "${update}" as the value of -u (vitest's -u [type] reads the next word; the types are all, new, none), ` +
      `so this run ran every spec and perfgate wrote nothing. To update from ${update} alone: ${command}`;
    return resolveUpdateMode({ requested: undefined, ciEnv, command, notice });
  }
  const requested = update === true || update === 'all' ? 'all' : update === 'new' ? 'new' : undefined;
  return resolveUpdateMode({ requested, ciEnv, command: 'vitest -u' });
}

export function vitestCoverage(state: VitestRunState): RunCoverage {
  return {
    fileFilter: (state.filters?.length ?? 0) > 0,
    nameFilter: Boolean(state.testNamePattern),
    shard: state.shard !== undefined && state.shard !== null,
    changedOnly: Boolean(state.changed) || (state.related?.length ?? 0) > 0,
    projectSubset: (state.project?.length ?? 0) > 0,
  };
}
