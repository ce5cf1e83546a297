// Adds perfgate's matchers to jest's `expect()`: the global one (@types/jest's
// `jest.Matchers`) and `import { expect } from '@jest/globals'` (jest 30's
// `Matchers<R, T>`, declared in `expect` and re-exported by `@jest/expect`).
import type { PerfgateMatchers } from '@perfgate/core/matchers';

declare global {
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends PerfgateMatchers {}
  }
}

declare module '@jest/expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends PerfgateMatchers {}
}
