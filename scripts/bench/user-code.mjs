// The code under test: a loop that issues queries through the (stub) driver.
// This file is not marked internal, so its frames are the call sites perfgate
// looks for, one frame above the driver, as with pg or PGlite used directly.
import { do_not_optimize } from 'mitata';

/** Issues a workload's queries through `query`, sinking each result. */
export function issue(workload, query) {
  const { sql, values } = workload;
  for (let i = 0; i < sql.length; i++) do_not_optimize(query(sql[i], values[i]));
}
