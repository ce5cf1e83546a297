import { describe, expect, it } from 'vitest';
import { seededReport } from '../../test/report-fixtures.js';
import { DEFAULT_REPORT_OPTIONS, resolveReportOptions } from '../options/report-options.js';
import { PerfgateError } from '../errors.js';
import { writeReportOutputs, type ReportOutputIo } from './report-outputs.js';

const fail = (detail: string) => new PerfgateError('INVALID_OPTIONS', detail);

/** Outputs into memory: what was logged, and every file written or appended, by absolute path. */
function memoryIo(env: ReportOutputIo['env'] = {}, failing: readonly string[] = []) {
  const logged: string[] = [];
  const files = new Map<string, string>();
  const io: ReportOutputIo = {
    env,
    log: (text) => logged.push(text),
    writeFile: (path, text) => {
      if (failing.includes(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      files.set(path, text);
    },
    appendFile: (path, text) => files.set(path, (files.get(path) ?? '') + text),
    makeDirectory: () => undefined,
    renderHtml: (report) => `<!doctype html><title>${report.tests.length} tests</title>`,
  };
  return { io, logged, files };
}

describe('writeReportOutputs', () => {
  it('by default prints the summary and writes report.json and report.html under the root, and nothing for GitHub outside it', () => {
    const { io, logged, files } = memoryIo({ CI: 'true' });
    expect(writeReportOutputs(seededReport(), DEFAULT_REPORT_OPTIONS, io)).toEqual([]);
    expect(logged.map((text) => text.split('\n')[0])).toEqual(['perfgate summary: 2 tests in 2 files (vitest)']);
    expect([...files.keys()]).toEqual(['/home/dev/blog-api/.perfgate/report.json', '/home/dev/blog-api/.perfgate/report.html']);
    expect(JSON.parse(files.get('/home/dev/blog-api/.perfgate/report.json')!)).toMatchObject({ version: 1, tests: [{}, {}] });
  });

  it('under GITHUB_ACTIONS=true prints the annotations after the summary and appends the step summary', () => {
    const { io, logged, files } = memoryIo({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/runner/step-summary.md', GITHUB_WORKSPACE: '/home/dev' });
    files.set('/runner/step-summary.md', '## an earlier step\n');
    writeReportOutputs(seededReport(), resolveReportOptions({ json: false, html: false }, fail), io);
    expect(logged.slice(1).map((line) => line.slice(0, 70))).toMatchInlineSnapshot(`
      [
        "::error file=blog-api/src/tags.service.ts,line=42,col=7,title=perfgate",
      ]
    `);
    expect(files.get('/runner/step-summary.md')!.split('\n').slice(0, 4)).toMatchInlineSnapshot(`
      [
        "## an earlier step",
        "## perfgate",
        "",
        "2 tests (vitest)",
      ]
    `);
  });

  it('writes nothing and prints nothing with report: false, even under GitHub Actions', () => {
    const { io, logged, files } = memoryIo({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/runner/step-summary.md' });
    writeReportOutputs(seededReport(), resolveReportOptions(false, fail), io);
    expect([logged, [...files]]).toEqual([[], []]);
  });

  it('writes to the paths the option names, relative to the root or absolute', () => {
    const { io, files } = memoryIo();
    writeReportOutputs(seededReport(), resolveReportOptions({ summary: false, json: 'out/perfgate.json', html: '/tmp/perfgate.html' }, fail), io);
    expect([...files.keys()]).toEqual(['/home/dev/blog-api/out/perfgate.json', '/tmp/perfgate.html']);
  });

  it('turns a file it cannot write into an error for the run, and still writes the others', () => {
    const { io, files } = memoryIo({}, ['/home/dev/blog-api/.perfgate/report.json']);
    const errors = writeReportOutputs(seededReport(), { ...DEFAULT_REPORT_OPTIONS, summary: false }, io);
    expect(errors).toMatchInlineSnapshot(`
      [
        "perfgate: could not write .perfgate/report.json: EACCES: permission denied, open '/home/dev/blog-api/.perfgate/report.json'",
      ]
    `);
    expect([...files.keys()]).toEqual(['/home/dev/blog-api/.perfgate/report.html']);
  });

  it('writes no HTML file without an HTML view', () => {
    const { io, files } = memoryIo();
    writeReportOutputs(seededReport(), { ...DEFAULT_REPORT_OPTIONS, summary: false }, { ...io, renderHtml: undefined });
    expect([...files.keys()]).toEqual(['/home/dev/blog-api/.perfgate/report.json']);
  });
});
