import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base.ts';

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }),
  // Loaded by jest itself (the setup file in each test file, the reporter in the main process), which
  // requires CommonJS unless the project runs ESM. No code splitting: tsup splits CommonJS with sucrase,
  // which turns `import()` into `require()`, and both must import ES modules (drivers, perfgate.config.mjs).
  // `@jest/globals` is jest's own, handed to each test file.
  packageBuild({ setup: 'src/setup.ts', reporter: 'src/reporter.ts' }, { format: ['cjs'], splitting: false, clean: false, dts: false, external: ['@jest/globals'] }),
]);
