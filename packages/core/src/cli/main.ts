/**
 * @perfgate/core/cli: the `perfgate` command. Every package a project
 * installs (@perfgate/vitest, @perfgate/jest, @perfgate/core) declares a
 * `perfgate` bin that calls `main`, so `npx perfgate` works with whichever
 * one the project has.
 */
import { perfgateError } from '../errors.js';
import { perfgateVersion } from '../report/tool-version.js';
import { processIo, type CliIo } from './cli-io.js';
import { runMerge } from './merge-command.js';
import { MERGE_EXIT } from './merge-outcome.js';

export type { CliIo } from './cli-io.js';
export { MERGE_EXIT, type MergeOutcome } from './merge-outcome.js';

const HELP = `Usage: perfgate <command>

Commands:
  merge <report.json…>  merge the reports of a sharded run (perfgate merge --help)

Options:
  -v, --version  perfgate's version
  -h, --help     this text`;

/** Runs one `perfgate` command line (without `node` and the bin) and returns its exit code. */
export function main(argv: readonly string[], io: CliIo = processIo()): number {
  const [command, ...rest] = argv;
  if (command === 'merge') return runMerge(rest, io);
  if (command === '--version' || command === '-v') {
    io.stdout(perfgateVersion());
    return MERGE_EXIT.ok;
  }
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(HELP);
    return command === undefined ? MERGE_EXIT.error : MERGE_EXIT.ok;
  }
  io.stderr(perfgateError('INVALID_ARGUMENT', ['perfgate', `unknown command ${JSON.stringify(command)}; the command is merge`]).message);
  return MERGE_EXIT.error;
}
