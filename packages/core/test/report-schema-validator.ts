import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

export const SCHEMA_URL = new URL('../schema/report.schema.json', import.meta.url);
export const reportSchema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { $id: string };

const ajv = new Ajv({ allErrors: true, strict: true });
// RFC 3339 as `Date.toISOString` writes it (the one format the schema uses; ajv-formats would add a dependency for it).
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
const validate = ajv.compile(reportSchema);

/** Where a report (an object, or report.json's text) breaks the shipped schema; empty when it is valid. */
export function schemaErrors(report: unknown): ErrorObject[] {
  const data: unknown = typeof report === 'string' ? JSON.parse(report) : report;
  return validate(data) ? [] : (validate.errors ?? []);
}
