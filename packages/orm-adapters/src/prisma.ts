import { AsyncLocalStorage } from 'node:async_hooks';
import { acquireInstrumentation, callRecorded, markInternalPath, patchMethod, perfgateInvalidTarget, runAsOuterLayer, startQuery, type CapturedStack, type Instrumentation } from '@perfgate/core/adapter';

// This package's frames are perfgate's, never the user's call site.
markInternalPath(import.meta.url);

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** What the query extension knows about the operation a statement belongs to. */
interface PrismaOperation {
  /** `Order.findMany`, `$queryRaw`. */
  readonly label: string;
  /** The stack Prisma captured at the user's call (for its own error messages), when it did. */
  readonly stack: CapturedStack | undefined;
}

/** The part of a Prisma 7 client perfgate uses. */
export interface PrismaClientLike {
  $extends(extension: object): unknown;
}

/** A Prisma driver adapter factory (`new PrismaPg(pool)`, `new PrismaPGlite(db)`). */
interface AdapterFactoryLike {
  connect(): Promise<unknown>;
  connectToShadowDb?(): Promise<unknown>;
}

/** One statement as Prisma hands it to a driver adapter. */
interface SqlQueryLike {
  readonly sql?: unknown;
  readonly args?: unknown;
}

interface OperationParams {
  readonly model?: string;
  readonly operation: string;
  readonly args: unknown;
  readonly query: (args: unknown) => PromiseLike<unknown>;
  readonly __internalParams?: { readonly callsite?: { readonly _error?: unknown } };
}

// Shared by every copy of this module (ESM and CJS builds, vitest's module graph).
const OPERATIONS_KEY = Symbol.for('perfgate.prisma-operations.v1');
type GlobalWithOperations = typeof globalThis & { [OPERATIONS_KEY]?: AsyncLocalStorage<PrismaOperation> };

function operations(): AsyncLocalStorage<PrismaOperation> {
  const holder = globalThis as GlobalWithOperations;
  if (holder[OPERATIONS_KEY] === undefined) Object.defineProperty(holder, OPERATIONS_KEY, { value: new AsyncLocalStorage<PrismaOperation>() });
  return holder[OPERATIONS_KEY]!;
}

/** Prisma captures `new Error()` at the user's call unless `errorFormat: 'minimal'`; its frames are the call site. */
function callerStack(params: OperationParams): CapturedStack | undefined {
  const error = params.__internalParams?.callsite?._error;
  return error instanceof Error ? error : undefined;
}

/**
 * Runs each operation (`prisma.order.findMany(…)`, `$queryRaw`) with its
 * label and the user's stack in an AsyncLocalStorage the adapter patch reads.
 * `await` matters: the operation's promise is lazy and starts in the context
 * that calls its `then`.
 */
const extension = {
  name: 'perfgate',
  query: {
    async $allOperations(params: OperationParams): Promise<unknown> {
      const label = params.model === undefined ? params.operation : `${params.model}.${params.operation}`;
      return operations().run({ label, stack: callerStack(params) }, async () => await params.query(params.args));
    },
  },
};

function wrapStatement(original: Method): Method {
  return function statement(this: unknown, ...args: unknown[]) {
    const query = args[0] as SqlQueryLike | undefined;
    const provider = (this as { provider?: unknown } | undefined)?.provider;
    const operation = operations().getStore();
    const record =
      typeof query?.sql === 'string'
        ? startQuery({
            sql: query.sql,
            values: Array.isArray(query.args) ? query.args : undefined,
            source: 'prisma',
            dialect: provider === 'mysql' ? 'mysql' : 'postgres',
            label: operation?.label,
            stack: operation?.stack,
          })
        : undefined;
    if (record === undefined) return original.apply(this, args);
    // The driver under the adapter (pg, PGlite) sees this statement too: counted once, here.
    return callRecorded(record, () => runAsOuterLayer(record, () => original.apply(this, args)));
  };
}

/** The prototype on the adapter's chain that defines `name` (the queryable base class, shared by its transactions). */
function ownerOf(object: object, name: string): object | undefined {
  for (let proto = Object.getPrototypeOf(object) as object | null; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.hasOwn(proto, name)) return proto;
  }
  return undefined;
}

/** Patches `queryRaw` and `executeRaw` where the adapter's class chain defines them, once per class. */
function instrumentAdapter(adapter: unknown, handles: Instrumentation[]): void {
  if (typeof adapter !== 'object' || adapter === null) return;
  for (const name of ['queryRaw', 'executeRaw'] as const) {
    const owner = ownerOf(adapter, name);
    if (owner === undefined) continue;
    handles.push(acquireInstrumentation(`prisma-adapter-${name}`, owner, (undo) => undo.push(patchMethod(owner as Record<string, Method>, name, wrapStatement))));
  }
}

function wrapConnect(handles: Instrumentation[]) {
  return (original: Method): Method =>
    function connect(this: unknown, ...args: unknown[]) {
      const connected = original.apply(this, args) as Promise<unknown>;
      return connected.then((adapter) => {
        instrumentAdapter(adapter, handles);
        return adapter;
      });
    };
}

const DISPOSE = Symbol.for('perfgate.prisma.dispose');
type Instrumented<Client> = Client & { readonly [DISPOSE]?: () => void };

/**
 * Records every SQL statement a Prisma 7 client sends through its driver
 * adapter (`@prisma/adapter-pg`, `pglite-prisma-adapter`, …) into the current
 * perfgate scope, labelled with the operation (`Order.findMany`) and with the
 * line of the user's code that called it. Returns the extended client: use it
 * in place of the one passed. Call it before the client's first query (the
 * adapter is patched when Prisma connects it). A statement the driver's own
 * instrumentation also sees is counted once. `disposePrisma(client)` undoes it.
 *
 * @example
 * export const prisma = instrumentPrisma(new PrismaClient({ adapter: new PrismaPg(pool) }));
 */
export function instrumentPrisma<Client extends PrismaClientLike>(client: Client): Client {
  const factory = (client as { _engineConfig?: { adapter?: unknown } } | undefined)?._engineConfig?.adapter as AdapterFactoryLike | undefined;
  if (typeof (client as Partial<PrismaClientLike> | undefined)?.$extends !== 'function' || typeof factory?.connect !== 'function') {
    throw perfgateInvalidTarget('instrumentPrisma', 'a Prisma 7 client created with a driver adapter (`new PrismaClient({ adapter })`)', client, instrumentPrisma);
  }
  const handles: Instrumentation[] = [];
  handles.push(
    acquireInstrumentation('prisma-adapter-factory', factory, (undo) => {
      undo.push(patchMethod(factory as unknown as Record<string, Method>, 'connect', wrapConnect(handles)));
      if (typeof factory.connectToShadowDb === 'function') undo.push(patchMethod(factory as unknown as Record<string, Method>, 'connectToShadowDb', wrapConnect(handles)));
    }),
  );
  const extended = client.$extends(extension) as Instrumented<Client>;
  Object.defineProperty(extended, DISPOSE, { value: () => handles.splice(0).reverse().forEach((handle) => handle.dispose()) });
  return extended;
}

/** Undoes `instrumentPrisma` for a client it returned: the adapter's methods are restored once no other client uses them. */
export function disposePrisma(client: object): void {
  (client as Instrumented<object>)[DISPOSE]?.();
}
