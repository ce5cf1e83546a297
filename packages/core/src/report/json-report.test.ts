import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/thrown-by.js';
import { busyReport } from '../../test/report-fixtures.js';
import { parseReport, REPORT_SCHEMA_ID, serializeReport } from './json-report.js';

describe('serializeReport / parseReport', () => {
  it('round-trips a report, with $schema first and a final newline', () => {
    const text = serializeReport(busyReport());
    expect(text.startsWith(`{\n  "$schema": "${REPORT_SCHEMA_ID}",\n  "version": 1,`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseReport(text, 'shard-1/report.json')).toEqual(busyReport());
  });

  it('names the file for bad JSON, a file that is no perfgate report, and another version', () => {
    expect(thrownBy(() => parseReport('{"version":', 'a.json')).message).toMatch(/^perfgate: a\.json is not a perfgate report: invalid JSON \(/);
    expect(thrownBy(() => parseReport('{"version":1}', 'b.json')).message).toMatchInlineSnapshot(`"perfgate: b.json is not a perfgate report (no "tool": { "name": "perfgate" })."`);
    expect(thrownBy(() => parseReport('{"version":2,"tool":{"name":"perfgate"}}', 'c.json')).message).toMatchInlineSnapshot(`"perfgate: c.json is a version 2 report; this perfgate reads version 1."`);
  });
});
