import type { PerfgateProvided, PerfgateRun } from './index.js';

// What the plugin hands its setup file and global setup through vitest's `provide`/`inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    perfgate: PerfgateProvided;
    perfgateRun: PerfgateRun;
  }
}
