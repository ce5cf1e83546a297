import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base.ts';

export default defineConfig(packageBuild({ index: 'src/index.ts', adapter: 'src/adapter.ts', runner: 'src/runner.ts', 'matchers/index': 'src/matchers/index.ts', cli: 'src/cli/main.ts' }));
