import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { PerfgateError } from '../errors.js';
import { DEFAULT_REPORT_OPTIONS, resolveReportOptions } from './report-options.js';

const fail = (detail: string) => new PerfgateError('INVALID_OPTIONS', `perfgate: invalid options in vitest.config.ts: ${detail}`);
const resolve = (input: unknown) => resolveReportOptions(input, fail);

describe('resolveReportOptions', () => {
  it('turns every output on by default and off with false', () => {
    expect(resolve(undefined)).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(resolve(true)).toEqual({ summary: true, json: '.perfgate/report.json', html: '.perfgate/report.html', github: 'auto' });
    expect(resolve(false)).toEqual({ summary: false, json: false, html: false, github: false });
  });

  it('turns one output off, or names its file, keeping the others', () => {
    expect(resolve({ html: false, json: 'reports/perfgate.json', github: true })).toEqual({ summary: true, json: 'reports/perfgate.json', html: false, github: true });
  });

  it('names the option, what it takes and what it got', () => {
    expect(thrownBy(() => resolve('json')).message).toMatchInlineSnapshot(`"perfgate: invalid options in vitest.config.ts: "report" must be true, false or an object such as { json: true, html: false }; received the string "json"."`);
    expect(thrownBy(() => resolve({ jsn: true, htm: false })).message).toMatchInlineSnapshot(`"perfgate: invalid options in vitest.config.ts: unknown options "report.jsn", "report.htm"; the report options are "summary", "json", "html", "github"."`);
    expect(thrownBy(() => resolve({ json: '' })).message).toMatchInlineSnapshot(`"perfgate: invalid options in vitest.config.ts: "report.json" must be true, false or a file path (relative paths start at the project root); received the string ""."`);
    expect(thrownBy(() => resolve({ summary: 'yes' })).message).toMatchInlineSnapshot(`"perfgate: invalid options in vitest.config.ts: "report.summary" must be true or false; received the string "yes"."`);
    expect(thrownBy(() => resolve({ github: 'always' })).message).toMatchInlineSnapshot(`"perfgate: invalid options in vitest.config.ts: "report.github" must be true, false or 'auto'; received the string "always"."`);
  });
});
