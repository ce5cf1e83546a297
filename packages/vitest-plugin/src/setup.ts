/**
 * The setup file the plugin adds to every vitest project: the same core
 * wiring the jest preset does, through vitest's `expect` and `inject`.
 */
import { getRuntime, instrumentHttpServers } from '@perfgate/core';
import { perfgateMatchers } from '@perfgate/core/matchers';
import { instrumentInstalledDrivers } from '@perfgate/orm-adapters/auto';
import { expect, inject } from 'vitest';
import type { PerfgateProvided } from './index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    perfgate: PerfgateProvided;
  }
}

expect.extend(perfgateMatchers);
const { options, root } = inject('perfgate');
getRuntime().settings.maxQueriesPerScope = options.maxQueriesPerScope;
if (options.http) instrumentHttpServers();
// Both builds of a dual package: tests import the ESM one, CommonJS libraries (knex) require the other.
await instrumentInstalledDrivers({ root, adapters: options.adapters, formats: ['esm', 'cjs'] });
