import { PerfgateError, type Instrumentation } from '@perfgate/core/adapter';
import { unknownAdapter } from '@perfgate/core/runner';
import { ADAPTERS, ADAPTER_NAMES, findAdapter, type AdapterName } from './adapter-registry.js';
import { importFromProject, type ImportModule, type ModuleFormat } from './resolve-from-project.js';

export { ADAPTER_NAMES, type AdapterName } from './adapter-registry.js';
export { uninstrumentedDrivers, warnUninstrumentedDrivers } from './uninstrumented-drivers.js';

export interface InstrumentInstalledOptions {
  /** The project root the user's imports resolve from. */
  readonly root: string;
  /** `'auto'`: every adapter whose package resolves; a list: exactly those (an unresolvable or unknown one is an error). */
  readonly adapters: 'auto' | readonly string[];
  /** Which build of a dual package to patch: what the runner loads (`esm` for vitest, `cjs` for jest). */
  readonly formats: readonly ModuleFormat[];
  /** How the `esm` format is imported; the jest preset passes its own `import()`, which jest routes through its module registry. */
  readonly importModule?: ImportModule;
}

export interface InstalledInstrumentation extends Instrumentation {
  /** The adapters that found their package and were applied. */
  readonly instrumented: readonly AdapterName[];
}

/**
 * Instruments the drivers a project has installed: what the runner plugins
 * call in each test worker, so users write no instrumentation code.
 */
export async function instrumentInstalledDrivers(options: InstrumentInstalledOptions): Promise<InstalledInstrumentation> {
  // The runner may have resolved the options without the registry's names: an unknown one fails here, with the list.
  const adapters = options.adapters === 'auto' ? ADAPTERS : options.adapters.map((name) => findAdapter(name) ?? fail(unknownAdapter("the runner's config", name, ADAPTER_NAMES)));
  const handles: Instrumentation[] = [];
  const instrumented: AdapterName[] = [];
  for (const adapter of adapters) {
    let found = false;
    for (const format of options.formats) {
      const module = await importFromProject(options.root, adapter.package, format, options.importModule);
      if (module === undefined) continue;
      handles.push(adapter.apply(module));
      found = true;
    }
    if (found) instrumented.push(adapter.name);
    else if (options.adapters !== 'auto') {
      throw new PerfgateError('INVALID_OPTIONS', `perfgate options: "adapters" lists '${adapter.name}', but '${adapter.package}' cannot be resolved from ${options.root}. Install it there or remove it from "adapters".`);
    }
  }
  return {
    instrumented,
    dispose: () => handles.forEach((handle) => handle.dispose()),
  };
}

function fail(error: Error): never {
  throw error;
}
