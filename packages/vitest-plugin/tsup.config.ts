import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base.ts';

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }),
  // The setup files run only inside vitest (setup uses top-level await): ESM only, no types to publish.
  packageBuild({ setup: 'src/setup.ts', 'global-setup': 'src/global-setup.ts', 'bundle-budgets': 'src/bundle-budgets.ts' }, { format: ['esm'], clean: false, dts: false }),
]);
