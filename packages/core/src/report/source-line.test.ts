import { describe, expect, it } from 'vitest';
import { rootRelative, sourceLine } from './source-line.js';

describe('rootRelative', () => {
  it('makes a path relative to the root, from the working directory it was printed relative to', () => {
    expect(rootRelative('/repo/packages/api/src/orders.ts', '/repo')).toBe('packages/api/src/orders.ts');
    expect(rootRelative('src/orders.ts', '/repo', '/repo/packages/api')).toBe('packages/api/src/orders.ts');
  });

  it('keeps a path outside the root absolute, and a URL that is no file as it is', () => {
    expect(rootRelative('/elsewhere/lib.js', '/repo')).toBe('/elsewhere/lib.js');
    expect(rootRelative('node:internal/process/task_queues', '/repo')).toBe('node:internal/process/task_queues');
    expect(rootRelative('webpack://app/src/a.ts', '/repo')).toBe('webpack://app/src/a.ts');
  });
});

describe('sourceLine', () => {
  it("keeps the line, the column and the function's name", () => {
    expect(sourceLine({ file: '/repo/src/orders.ts', line: 12, column: 7, functionName: 'listOrders' }, '/repo')).toEqual({ file: 'src/orders.ts', line: 12, column: 7, function: 'listOrders' });
    expect(sourceLine({ file: '/repo/src/orders.ts', line: 12, column: 7, functionName: undefined }, '/repo')).toEqual({ file: 'src/orders.ts', line: 12, column: 7 });
  });
});
