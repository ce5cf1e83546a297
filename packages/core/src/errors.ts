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
  TRACEPARENT_IN_FLIGHT: (matcher: string, request: string, header: string) =>
    `${matcher}: ${request} has the traceparent header ${JSON.stringify(header)}, which another request still in flight carries too; ` +
    'the server cannot tell their scopes apart. Give each request its own parent-id (the third field: 16 lowercase hex), or let perfgate set the header.',
  CORRUPT_FILE: (detail: string) => detail,
  N_PLUS_ONE: (detail: string) => detail,
  UNAWAITED_ASSERTION: (detail: string) => detail,
  ALREADY_PATCHED: (what: string) =>
    `${what} is already patched by another instrumentation; perfgate patches each method once.`,
  INVALID_TARGET: (adapter: string, expected: string, received: unknown) =>
    `${adapter}: expected ${expected}; received ${describe(received)}.`,
  UNSUPPORTED_VERSION: (adapter: string, pkg: string, version: string, range: string, reason: string) =>
    `${adapter}: ${pkg} ${version} cannot be instrumented; perfgate supports ${pkg} ${range}. ${reason} ` +
    `Upgrade ${pkg}, or leave '${pkg}' out of the "adapters" option.`,
  INVALID_SIZE: (where: string, size: unknown) =>
    `${where}: ${describe(size)} is not a size in bytes; write a number of bytes (4096) or a number and a unit ('4 KiB', '2 kB', '512 B'; units B, kB, KiB, MB, MiB, GB, GiB).`,
  NOT_A_FUNCTION: (matcher: string, received: unknown) =>
    `${matcher}: expect() received ${describe(received)}; pass the function to measure, such as \`expect(() => serialize(order)).${matcher}(…)\`; it is called many times.`,
  NO_TEST_FILE: (matcher: string) =>
    `${matcher}: no test file is running, so there is no baseline file to read; call it inside a test (with the @perfgate/vitest plugin or the @perfgate/jest preset).`,
  INVALID_COMPRESSION: (where: string, compression: unknown) =>
    `${where}: compression ${describe(compression)} is not one perfgate measures; use 'brotli' (the default), 'gzip' or 'raw'.`,
  SIZE_WITHOUT_UNIT: (where: string, size: unknown) =>
    `${where}: ${describe(size)} has no unit; write '50 kB' (1 kB = 1,000 B), '48 KiB' (1,024 B) or '512 B', or pass a number of bytes.`,
  NO_BUNDLE_INPUT: (where: string, detail: string) => `${where}: ${detail}`,
  ESBUILD_MISSING: (where: string, root: string) =>
    `${where}: bundling an entry needs esbuild, which cannot be resolved from ${root}. Install it (\`npm install -D esbuild\`), or measure a built file with { bundle: false }.`,
  BUNDLE_FAILED: (where: string, entry: string, detail: string) => `${where}: esbuild could not bundle ${entry}: ${detail}`,
  INVALID_DURATION: (where: string, value: unknown) =>
    `${where}: ${describe(value)} is not a duration; write a number and a unit: '50 ms', '1.5 s', '800 µs' (units µs, us, ms, s).`,
  INVALID_LOAD_TARGET: (where: string, received: unknown) =>
    `${where}: expect() received ${describe(received)}; pass the app (an Express, Koa or Fastify app, a node:http server or request handler) or an unsent supertest request (\`request(app).get('/orders')\`).`,
  NOT_LOOPBACK: (where: string, url: string) =>
    `${where}: ${url} is not a loopback address; perfgate sends load only to this machine (127.0.0.1, ::1, localhost).`,
  LOAD_TARGET_FAILED: (where: string, what: string, error: unknown) =>
    `${where}: ${what}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  AUTOCANNON_MISSING: (where: string, root: string) =>
    `${where}: the load gate drives requests with autocannon, which cannot be resolved from ${root}. Install it: \`npm install -D autocannon\`.`,
  INVALID_REPORT: (file: string, problem: string) => `perfgate merge: ${file} ${problem}.`,
  NO_REPORTS: () => 'perfgate merge: no report files given; pass each shard’s .perfgate/report.json: `npx perfgate merge shard-1/report.json shard-2/report.json`.',
  INVALID_ARGUMENT: (command: string, detail: string) => `${command}: ${detail} (see \`npx perfgate --help\`).`,
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
