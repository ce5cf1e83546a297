import { describe, expect, test } from 'vitest';
import { createLogger, type Formatting } from '../src/logger.js';

// `npm run demo` sets this to seed the regression: every call builds its line, wanted or not.
const formatting = (process.env.PERFGATE_DEMO_LOGGER ?? 'lazy') as Formatting;

const FIELDS = { orderId: 42, total: 19.9, currency: 'EUR', express: true };
let last = '';
const logger = createLogger({ level: 'info', formatting, write: (line) => (last = line) });

describe('logger', () => {
  test('writes an info line with its fields', () => {
    logger.info('order placed', FIELDS);
    expect(last.endsWith('order placed orderId=42 total=19.9 currency=EUR express=true')).toBe(true);
  });

  test('a debug call below the level allocates nothing', async () => {
    await expect(() => logger.debug('cache hit', FIELDS)).toAllocateAtMost(0);
  });

  test('an info line allocates at most 1 KiB', async () => {
    await expect(() => logger.info('order placed', FIELDS)).toAllocateAtMost('1 KiB');
  });

  test('an info line stays at its allocation baseline', async () => {
    await expect(() => logger.info('order placed', FIELDS)).toMatchAllocationBaseline();
  });
});
