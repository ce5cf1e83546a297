// Types for `expect(…).toIssueAtMost()` in core's own tests, which register the
// matchers with `expect.extend(perfgateMatchers)` (vitest 4's `Matchers<T>`).
import type { PerfgateMatchers } from '../src/matchers/perfgate-matchers.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<T = any> extends PerfgateMatchers {}
}
