// Types for `expect(…).toIssueAtMost()` in orm-adapters' tests, which register the
// matchers with `expect.extend(perfgateMatchers)` (vitest 4's `Matchers<T>`).
import type { PerfgateMatchers } from '@perfgate/core/matchers';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends PerfgateMatchers {}
}
