import request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp, type PricesQuery } from '../src/app.js';
import { openTestDatabase, type TestDatabase } from '../src/db.js';
import { createSchema, seedCatalogue } from '../src/schema.js';

// Run on purpose, not by `vitest run`: `npm run test:latency` (vitest.latency.config.ts). Its figures belong to one
// machine; README.md says how they are kept.
const pricesQuery = (process.env.PERFGATE_DEMO_PRICES ?? 'joined') as PricesQuery;

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await createSchema(database.db);
  await seedCatalogue(database.db, 60);
});

afterAll(() => database.close());

test('GET /products stays at its latency baseline', async () => {
  await expect(request(createApp(database.db, { pricesQuery })).get('/products')).toMatchLatencyBaseline({ requests: 300, connections: 8 });
});
