export interface RememberedValue {
  get(): string | undefined;
  set(value: string): void;
  clear(): void;
}

/**
 * One localStorage entry. Storage can be missing or throw (private browsing, blocked third-party storage
 * when the host page frames us); the value then lives as long as the page does, which is still enough to
 * resume after a reconnect.
 */
export function rememberedValue(key: string, storage: () => Storage | undefined = () => globalThis.localStorage): RememberedValue {
  let inMemory: string | undefined;
  const attempt = <T>(action: (store: Storage) => T): T | undefined => {
    try {
      const store = storage();
      return store ? action(store) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    get: () => attempt((store) => store.getItem(key) ?? undefined) ?? inMemory,
    set(value) {
      inMemory = value;
      attempt((store) => store.setItem(key, value));
    },
    clear() {
      inMemory = undefined;
      attempt((store) => store.removeItem(key));
    },
  };
}
