// Adds perfgate's matchers to `expect()` in vitest 3.2 and 4, whose
// assertions extend the global `jest.Matchers` (same type parameters as @types/jest).
import type { PerfgateMatchers } from '@perfgate/core/matchers';

declare global {
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends PerfgateMatchers {}
  }
}
