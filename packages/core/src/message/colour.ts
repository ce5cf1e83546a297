import { stripVTControlCharacters } from 'node:util';

interface Terminal {
  readonly isTTY?: boolean | undefined;
}

/**
 * Whether perfgate's failure text may carry colours. The runners colour a
 * matcher's hint even where the text ends up in a JSON report or a CI log
 * (vitest workers colour whatever the output is), so perfgate decides:
 * `NO_COLOR` (not empty) turns colours off, `FORCE_COLOR` decides when set
 * (`0` or `false`: off), and otherwise only a terminal gets them — the
 * runner's own, which vitest tells its workers in `FORCE_TTY`.
 */
export function colourEnabled(env: NodeJS.ProcessEnv = process.env, stdout: Terminal = process.stdout): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.FORCE_TTY !== undefined) return env.FORCE_TTY === 'true';
  return stdout.isTTY === true;
}

/** `text` as it may be printed: its colour codes taken out when colours are off. */
export function colouredIf(enabled: boolean, text: string): string {
  return enabled ? text : stripVTControlCharacters(text);
}
