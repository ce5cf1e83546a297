import express from 'express';
import { listProducts, listProductsOneByOne } from './catalogue.js';
import type { Db } from './db.js';

export type PricesQuery = 'joined' | 'one-by-one';

export interface AppOptions {
  /** Which implementation serves GET /products: the fix, or the N+1 regression. */
  readonly pricesQuery?: PricesQuery;
}

export function createApp(db: Db, { pricesQuery = 'joined' }: AppOptions = {}): express.Express {
  const app = express();
  app.get('/products', async (_req, res) => {
    res.json(pricesQuery === 'joined' ? await listProducts(db) : await listProductsOneByOne(db));
  });
  return app;
}
