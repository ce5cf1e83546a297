import type { Project } from '../scenario.js';

// Queries that escape their scope, and an assertion left unawaited: neither may pass silently.
const escapes = `import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, expect, test } from '@runner';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2);');
});

// A job queue drained by a timer started outside every scope, as some pools and old body parsers do:
// the queries a request queues run in no scope, so its budget sees none of them.
const queue: Array<() => void> = [];
const drain = setInterval(() => queue.splice(0).forEach((job) => job()), 1);
const later = <T>(job: () => Promise<T>) => new Promise<T>((resolve, reject) => void queue.push(() => void job().then(resolve, reject)));
afterAll(async () => {
  clearInterval(drain);
  await db.close();
});

const app = express()
  .get('/orders', async (_req, res) => void res.json((await later(() => db.query('SELECT id FROM orders WHERE id > $1', [0]))).rows))
  .get('/ping', (_req, res) => void res.send('pong'));

test('a request whose queries ran outside its scope', async () => {
  await expect(request(app).get('/orders')).toIssueAtMost(0);
});

test('an assertion left unawaited', () => {
  expect(request(app).get('/ping')).toIssueAtMost(0);
});
`;

export const escapesProject: Project = { files: { 'escapes/escapes.spec.ts': escapes }, include: ['escapes/**/*.spec.ts'], pglite: true };
