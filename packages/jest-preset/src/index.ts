export {
  perfgateFastify,
  perfgateKoa,
  perfgateMiddleware,
  recordQueries,
  type PerfgateOptions,
  type QueryBudgetOptions,
  type ScopeResult,
} from '@perfgate/core';
