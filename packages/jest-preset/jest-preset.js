// `preset: '@perfgate/jest'`: jest resolves `@perfgate/jest/jest-preset` and requires this file (CommonJS).
const { join } = require('node:path');

module.exports = {
  // In every test file: the matchers, the drivers and HTTP scoping, and the N+1 gate around each test.
  setupFilesAfterEnv: [join(__dirname, 'dist', 'setup.js')],
  // In the main process: the update flag, the options file, and the allowlist update once per run.
  // A preset's `reporters` replaces jest's defaults, so jest's own reporter is listed first.
  reporters: ['default', join(__dirname, 'dist', 'reporter.js')],
};
