import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base.ts';

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }),
  // The setup file uses top-level await and runs only inside vitest: ESM only.
  packageBuild({ setup: 'src/setup.ts' }, { format: ['esm'], clean: false }),
]);
