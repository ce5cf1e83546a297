import { formatBytes } from '../allocations/byte-size.js';
import { parseBundleBudget, type BundleBudget } from '../bundle/bundle-budget.js';
import { COMPRESSIONS } from '../bundle/compressed-size.js';
import { measureBundle, type BundleMeasurement, type BundleSizeOptions, type MeasuredFile } from '../bundle/measure-bundle.js';
import { formatFailure, plural, type FailureSection } from '../message/format-failure.js';
import { checkOptions, oneOf } from './check-options.js';
import { recordBundleCheck } from '../report/record-figures.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { rejectBadInput } from './reject-bad-input.js';

const MATCHER = 'toHaveBundleSizeAtMost';

/** Input modules listed under each over-budget file. */
export const MAX_INPUTS_IN_MESSAGE = 8;

const OPTION_CHECKS = {
  compression: oneOf(...COMPRESSIONS),
  bundle: (value: unknown) => (typeof value === 'boolean' ? undefined : 'must be true or false'),
  esbuild: (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'must be an object of esbuild build options'),
  cwd: (value: unknown) => (typeof value === 'string' ? undefined : 'must be a directory path'),
};

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;

function overLine(file: MeasuredFile, budget: number, compression: string): string {
  return `${file.file}: ${formatBytes(file.size)} ${compression}, ${formatBytes(file.size - budget)} over (+${percent(file.size - budget, budget)})`;
}

/** `node_modules/<package>/` (or `@scope/package`), else the module's folder. */
function folderOf(path: string): string {
  const packageMatch = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+\/)/.exec(path);
  if (packageMatch !== null) return packageMatch[1]!;
  const slash = path.lastIndexOf('/');
  return slash === -1 ? './' : path.slice(0, slash + 1);
}

function byFolder(inputs: MeasuredFile['inputs']): Array<{ folder: string; modules: number; bytes: number }> {
  const groups = new Map<string, { folder: string; modules: number; bytes: number }>();
  for (const input of inputs) {
    const folder = folderOf(input.path);
    const group = groups.get(folder) ?? { folder, modules: 0, bytes: 0 };
    group.modules += 1;
    group.bytes += input.bytes;
    groups.set(folder, group);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

function inputsSection(file: MeasuredFile): FailureSection {
  if (file.inputs.length === 0) {
    return { title: `What is in ${file.file}`, lines: ['measured as built: bundle its entry (the default for a path) to see its input modules'] };
  }
  const shown = file.inputs.slice(0, MAX_INPUTS_IN_MESSAGE);
  const width = Math.max(...shown.map((input) => input.path.length));
  const lines = shown.map((input) => `${input.path.padEnd(width)}  ${percent(input.bytes, file.raw).padStart(6)}  ${formatBytes(input.bytes)}`);
  const rest = file.inputs.length - shown.length;
  if (rest > 0) lines.push(`… ${plural(rest, 'more module', 'more modules')}`);
  // Many small modules of one package or folder (every locale of a date library) add up: say so.
  const folders = byFolder(file.inputs).filter((group) => group.modules > 1 && group.bytes / file.raw >= 0.1);
  for (const group of folders.slice(0, 3)) lines.push(`${group.folder} in all: ${plural(group.modules, 'module', 'modules')}, ${percent(group.bytes, file.raw)}, ${formatBytes(group.bytes)}`);
  return { title: `Largest inputs of ${file.file}, minified bytes before compression`, lines };
}

function message(context: MatcherContext, budgetText: string, budget: number, measured: BundleMeasurement): string {
  const over = measured.files.filter((file) => file.size > budget);
  const largest = [...measured.files].sort((a, b) => b.size - a.size)[0]!;
  const rows: Array<[string, string]> = [
    ['Expected', `${context.isNot ? 'more than' : 'at most'} ${formatBytes(budget)} ${measured.compression} per file`],
    ['Received', over.length === 0 ? `${plural(measured.files.length, 'file', 'files')} within it; largest ${largest.file}: ${formatBytes(largest.size)}` : `${over.length} of ${plural(measured.files.length, 'file', 'files')} over budget`],
  ];
  const sections: FailureSection[] = [];
  if (!context.isNot) {
    sections.push({ title: 'Over budget', lines: over.map((file) => overLine(file, budget, measured.compression)) });
    sections.push(...over.map(inputsSection));
  } else {
    sections.push({ title: 'Sizes', lines: measured.files.map((file) => `${file.file}: ${formatBytes(file.size)} ${measured.compression} (${formatBytes(file.raw)} minified)`) });
  }
  return formatFailure({ hint: context.utils.matcherHint(MATCHER, 'entry', budgetText, { isNot: context.isNot, promise: context.promise }), rows, sections });
}

/**
 * Passes when each file is at most `budget` bytes compressed (brotli by
 * default). The received value is an entry file, which esbuild bundles and
 * minifies in memory, a list of them, or a glob of built files measured as
 * they are. On failure the message lists each file over budget, by how much,
 * and the input modules that take the most room.
 *
 * @example
 * await expect('src/routes/orders.ts').toHaveBundleSizeAtMost('50 kB');
 * await expect('dist/routes/*.js').toHaveBundleSizeAtMost('30 kB', { compression: 'gzip' });
 */
export function toHaveBundleSizeAtMost(this: MatcherContext, received: unknown, budget: BundleBudget, options?: BundleSizeOptions): Promise<MatcherResult> {
  return rejectBadInput(() => {
    const bytes = parseBundleBudget(budget, `${MATCHER}: the budget`, toHaveBundleSizeAtMost);
    const checked = checkOptions<BundleSizeOptions>(MATCHER, options, OPTION_CHECKS, toHaveBundleSizeAtMost, "{ compression: 'gzip' }");
    const budgetText = typeof budget === 'number' ? String(budget) : `'${budget}'`;
    return measureBundle(MATCHER, received, checked).then((measured) => {
      recordBundleCheck(measured, bytes, this.isNot === true, checked.cwd);
      return { pass: measured.files.every((file) => file.size <= bytes), message: () => message(this, budgetText, bytes, measured) };
    });
  });
}
