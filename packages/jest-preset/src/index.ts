export {
  definePerfgateConfig,
  perfgateFastify,
  perfgateKoa,
  perfgateMiddleware,
  recordQueries,
  type PerfgateOptions,
  type QueryBudgetOptions,
  type ScopeResult,
} from '@perfgate/core';
export {
  bench,
  formatBenchTable,
  measureAllocations,
  type AllocationBaselineOptions,
  type AllocationMeasurement,
  type AllocationOptions,
  type BenchOptions,
  type BenchResult,
  type ByteSize,
  type MeasureOptions,
} from '@perfgate/core';
