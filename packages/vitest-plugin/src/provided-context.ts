import type { TestReport } from '@perfgate/core/runner';
import type { PerfgateProvided, PerfgateRun } from './index.js';

// What the plugin hands its setup file and global setup through vitest's `provide`/`inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    perfgate: PerfgateProvided;
    perfgateRun: PerfgateRun;
  }
}

// Each test's figures and perfgate's verdict, for vitest's reporters (JSON, HTML, UI) and the user's own.
declare module 'vitest' {
  export interface TaskMeta {
    perfgate?: TestReport;
  }
}
