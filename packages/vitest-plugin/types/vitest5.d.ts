// Vitest 5 gave `Matchers` two type parameters and dropped `jest.Matchers`
// from its assertions. Reference this file instead of the default in a
// vitest 5 project: `/// <reference types="@perfgate/vitest/vitest5" />`.
import type { PerfgateMatchers } from '@perfgate/core/matchers';

declare module 'vitest' {
  interface Matchers<R extends void | Promise<void> = void | Promise<void>, T = unknown> extends PerfgateMatchers {}
}
