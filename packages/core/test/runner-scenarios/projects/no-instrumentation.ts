import type { Project } from '../scenario.js';

// adapters: [] and http: false: perfgate patches nothing and opens no request scope, and says so when asked to count.
const spec = `import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import request from 'supertest';
import { expect, test } from '@runner';

test('adapters: [] leaves PGlite alone', async () => {
  const db = await PGlite.create();
  await expect(() => db.query('SELECT 1')).toIssueExactly(0);
  await db.close();
});

test('http: false opens no request scope, and the matcher says so', async () => {
  const app = express().get('/', (_req, res) => res.send('ok'));
  await expect(expect(request(app).get('/')).toIssueAtMost(1)).rejects.toThrow(/no perfgate scope saw a request with trace-id [0-9a-f]{32}/);
});
`;

export const noInstrumentation: Project = { files: { 'test/options.spec.ts': spec }, include: ['test/**/*.spec.ts'], options: { adapters: [], http: false }, pglite: true };

/** A spec that must never run: bad options stop the run first. */
export const neverRuns: Project = {
  files: { 'test/any.spec.ts': "import { test } from '@runner';\n\ntest('never runs: the options are wrong', () => {});\n" },
  include: ['test/**/*.spec.ts'],
  pglite: false,
};
