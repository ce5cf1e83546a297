/**
 * What the runner's update flag lets this run write, decided once in the
 * runner's main process and handed to the workers (JSON-serialisable).
 */
export interface UpdateMode {
  /** New N+1 findings go to the allowlist instead of failing (`-u`, vitest `--update=new`). */
  readonly addNew: boolean;
  /** Baselines that moved beyond their tolerance are rewritten (`-u` only; `new` rewrites none). */
  readonly rewrite: boolean;
  /** Nothing is written: CI=true, or the runner's own CI flag. */
  readonly ci: boolean;
  /** What keeps this run from writing, for messages: `CI=true`, `--ci`. */
  readonly blockedBy?: string | undefined;
  /** The command that turns the update on, for messages: `vitest -u`, or the user's own command fixed. */
  readonly command: string;
  /** Said once at the end of the run: an update flag perfgate could not honour, and why. */
  readonly notice?: string | undefined;
}

export interface UpdateRequest {
  /** What the flag asked for, in vitest's words (jest's `-u` is 'all'). */
  readonly requested: 'all' | 'new' | 'none' | undefined;
  /** CI=true in the environment. */
  readonly ciEnv: boolean;
  /** The runner's own CI flag when it is on without CI=true (`--ci`). */
  readonly ciFlag?: string | undefined;
  readonly command: string;
  readonly notice?: string | undefined;
}

export function resolveUpdateMode({ requested, ciEnv, ciFlag, command, notice }: UpdateRequest): UpdateMode {
  const blockedBy = ciEnv ? 'CI=true' : ciFlag;
  const ci = blockedBy !== undefined;
  return { addNew: !ci && (requested === 'all' || requested === 'new'), rewrite: !ci && requested === 'all', ci, blockedBy, command, notice };
}

/** The end of the gate's advice: where the update flag is refused, naming what refused it. */
export function neverWrittenUnder(blockedBy: string | undefined): string {
  return blockedBy === undefined || blockedBy === 'CI=true' ? 'it is never written under CI=true' : `it is never written under CI=true or ${blockedBy}, and this run has ${blockedBy}`;
}

const UPDATE_FLAGS = new Set(['-u', '--update']);

/**
 * vitest 4's `-u [type]` takes the next word as its type: `vitest run -u
 * test/orders.spec.ts` updates with the "type" `test/orders.spec.ts` and no
 * file filter. Given the command line after the vitest binary, returns the
 * command that does what was meant: the word back as a filter, `-u` last.
 */
export function commandWithUpdateLast(args: readonly string[], swallowed: string): string {
  const fixed: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (UPDATE_FLAGS.has(arg) && args[i + 1] === swallowed) {
      fixed.push(swallowed);
      i++;
    } else if (arg === `--update=${swallowed}` || arg === `-u=${swallowed}`) fixed.push(swallowed);
    else fixed.push(arg);
  }
  if (!fixed.includes(swallowed)) fixed.push(swallowed);
  return ['vitest', ...fixed, '-u'].join(' ');
}
