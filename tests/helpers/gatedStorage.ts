import type { Storage, StoredDocument } from '../../server/storage/index.ts';

/** A storage whose document loads can be held at a gate, and the gate's controls. */
export interface GatedStorage {
  /** Pass this to the server: everything delegates to the inner storage. */
  storage: Storage;
  /** Hold every following `loadDocument` until `release()`. */
  hold(): void;
  /** Let held loads continue. */
  release(): void;
  /** Loads currently waiting at the gate. */
  readonly waiting: number;
}

/**
 * Wrap a storage so a test can keep a room in `loading` for as long as it needs (SPEC R6).
 * A proxy, so every other method of the interface, present or future, passes straight through.
 */
export function gateStorage(inner: Storage): GatedStorage {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let waiting = 0;
  const loadDocument = async (boardId: string): Promise<StoredDocument> => {
    if (gate) {
      waiting++;
      await gate;
      waiting--;
    }
    return inner.loadDocument(boardId);
  };
  const storage = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'loadDocument') return loadDocument;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    storage,
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      open?.();
      gate = undefined;
      open = undefined;
    },
    get waiting() {
      return waiting;
    },
  };
}
