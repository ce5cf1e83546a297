/** Every error perfgate raises on bad input or misuse, by code, in one table. */
export const ERROR_MESSAGES = {
  INVALID_BUDGET: (matcher: string, budget: unknown) =>
    `${matcher}: the budget must be a whole number of queries, 0 or more; received ${describe(budget)}.`,
  INVALID_OPTIONS: (matcher: string, detail: string) => `${matcher}: ${detail}`,
  INVALID_RECEIVED: (matcher: string, received: unknown) =>
    `${matcher}: expect() received ${describe(received)}; pass an unsent supertest request ` +
    '(`request(app).get(path)`) or `app.inject().get(path)` chain, a function to run in its own scope, or the result of `recordQueries()`.',
  NO_REQUEST_SCOPE: (matcher: string, request: string, traceId: string) =>
    `${matcher}: ${request} got a response, but no perfgate scope saw a request with trace-id ${traceId}. ` +
    'Is the app served by node:http in this test process with the perfgate plugin loaded, ' +
    'or is `perfgateMiddleware()` installed (`app.register(perfgateFastify)` for `fastify.inject()`)? A request sent to another process cannot be counted.',
  HOOK_FAILED: (matcher: string, hook: string, error: unknown) =>
    `${matcher}: ${hook} threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  INVALID_TRACEPARENT: (matcher: string, request: string, header: string) =>
    `${matcher}: ${request} has the traceparent header ${JSON.stringify(header)}, which is not a W3C traceparent ` +
    '(00-<32 lowercase hex>-<16 lowercase hex>-<2 hex>); the server would ignore it, so its scope could not be found. Fix it or let perfgate set one.',
  CORRUPT_FILE: (detail: string) => detail,
  N_PLUS_ONE: (detail: string) => detail,
  ALREADY_PATCHED: (what: string) =>
    `${what} is already patched by another instrumentation; perfgate patches each method once.`,
  INVALID_TARGET: (adapter: string, expected: string, received: unknown) =>
    `${adapter}: expected ${expected}; received ${describe(received)}.`,
} as const;

export type PerfgateErrorCode = keyof typeof ERROR_MESSAGES;

export class PerfgateError extends Error {
  override readonly name = 'PerfgateError';
  readonly code: PerfgateErrorCode;

  constructor(code: PerfgateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Builds a typed error. `stackFrom` cuts the stack above that function so the
 * top frame is the user's call (as `Error.captureStackTrace` does).
 */
export function perfgateError<C extends PerfgateErrorCode>(
  code: C,
  args: Parameters<(typeof ERROR_MESSAGES)[C]>,
  stackFrom?: Function,
  cause?: unknown,
): PerfgateError {
  const format = ERROR_MESSAGES[code] as (...a: unknown[]) => string;
  const error = new PerfgateError(code, format(...args), cause === undefined ? undefined : { cause });
  if (stackFrom !== undefined) Error.captureStackTrace(error, stackFrom);
  return error;
}

/** A short, safe description of a value for error messages (never its contents). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'function':
      return `a function${value.name ? ` (${value.name})` : ''}`;
    case 'symbol':
      return 'a symbol';
    default: {
      if (typeof (value as { then?: unknown }).then === 'function') return 'a promise (already running, so perfgate cannot scope it)';
      if (Array.isArray(value)) {
        const shown = value.length <= 10 && value.every((v) => typeof v === 'number' || typeof v === 'boolean') ? ` [${value.join(', ')}]` : ` of ${value.length}`;
        return value.length === 0 ? 'an empty array' : `an array${shown}`;
      }
      const name = (value as object).constructor?.name;
      return name && name !== 'Object' ? `an instance of ${name}` : 'an object';
    }
  }
}

/** For adapters: `instrumentX(value)` got something that is not the driver. */
export function perfgateInvalidTarget(adapter: string, expected: string, received: unknown, stackFrom: Function): PerfgateError {
  return perfgateError('INVALID_TARGET', [adapter, expected, received], stackFrom);
}
