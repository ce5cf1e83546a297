type LoadBatch<K, V> = (keys: readonly K[]) => Promise<readonly V[]>;

interface Pending<K, V> {
  readonly key: K;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * DataLoader's idea in a few lines: the keys asked for while the current
 * promise jobs run are loaded with one call. `loadBatch` returns one value
 * per key, in the keys' order.
 */
export class BatchLoader<K, V> {
  readonly #loadBatch: LoadBatch<K, V>;
  #pending: Array<Pending<K, V>> = [];

  constructor(loadBatch: LoadBatch<K, V>) {
    this.#loadBatch = loadBatch;
  }

  load(key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      // As DataLoader does: wait for the promise jobs queued now, then a tick, so loads made after an await join the batch.
      if (this.#pending.push({ key, resolve, reject }) === 1) void Promise.resolve().then(() => process.nextTick(() => this.#dispatch()));
    });
  }

  async #dispatch(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const values = await this.#loadBatch(batch.map((p) => p.key));
      batch.forEach((p, i) => p.resolve(values[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
