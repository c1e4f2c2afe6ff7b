// Where LocalStore's documents live. Every backend runs a write as one atomic step: the operation
// reads the current documents and returns its writes, so counts stay exact even when two stores (or
// two tabs) write at once.
//
//   MemoryBackend  a Map. Shared by the stores of one page that name the same community and channel
//                  (like two tabs sharing a database); also the private, unsaved copy of a seeded
//                  community before the user acts.
//   IdbBackend     IndexedDB, one database per community, created only when the user first writes.
import {KindredError} from '../errors.js';
import type {Docs, Write} from './docs.js';

export type Operation<T> = (docs: Docs) => {result: T; writes: readonly Write[]};

export interface Backend {
  /** Writes land in IndexedDB (and survive a reload). */
  readonly persistent: boolean;
  /** The current documents. Callers never mutate them. */
  read(): Promise<Docs>;
  /** Runs `op` atomically against the current documents and applies its writes. */
  transact<T>(op: Operation<T>): Promise<T>;
  close(): void;
}

export class MemoryBackend implements Backend {
  readonly persistent = false;
  constructor(public docs: Map<string, unknown> = new Map()) {}

  async read(): Promise<Docs> {
    return this.docs;
  }

  async transact<T>(op: Operation<T>): Promise<T> {
    const {result, writes} = op(this.docs);
    for (const [path, value] of writes) {
      if (value === null) this.docs.delete(path);
      else this.docs.set(path, structuredClone(value));
    }
    return result;
  }

  close(): void {}
}

// Memory databases of this page, by name. A database lives while a store uses it (or from a reset
// with a seed until the first store that opened it is disposed).
const memory = new Map<string, {backend: MemoryBackend; refs: number}>();

export function acquireMemory(name: string, initial: () => Map<string, unknown>): MemoryBackend {
  let entry = memory.get(name);
  if (!entry) memory.set(name, (entry = {backend: new MemoryBackend(initial()), refs: 0}));
  entry.refs++;
  return entry.backend;
}

export function releaseMemory(name: string): void {
  const entry = memory.get(name);
  if (entry && --entry.refs <= 0) memory.delete(name);
}

/** Replaces (or with null, erases) a memory database, keeping it for the stores that use it. */
export function replaceMemory(name: string, docs: Map<string, unknown> | null): void {
  const entry = memory.get(name);
  if (docs) {
    if (entry) entry.backend.docs = docs;
    else memory.set(name, {backend: new MemoryBackend(docs), refs: 0});
  } else if (entry) {
    if (entry.refs > 0) entry.backend.docs = new Map();
    else memory.delete(name);
  }
}

// IndexedDB -------------------------------------------------------------------------------------

const STORE = 'docs';

// Issue 17 (fault): the errors below are the browser's storage failing (not a rule refusing a write), so
// LocalStore can go on in memory instead (isStorageFailure).
const storageFailures = new WeakSet<object>();
const unavailable = (what: string, cause: unknown) => {
  const e = new KindredError('unavailable', `This browser's storage (IndexedDB) failed while ${what}: ${(cause as Error | null)?.message ?? 'unknown error'}. ` +
    'Private windows and full disks can block it; try again, or use persistence: "memory".', null, {cause});
  storageFailures.add(e);
  return e;
};

/** Whether `e` is the browser's storage failing (IndexedDB blocked, quota exceeded), not a refusal. */
export function isStorageFailure(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (storageFailures.has(e) || (e instanceof DOMException &&
    ['SecurityError', 'QuotaExceededError', 'UnknownError', 'InvalidStateError', 'VersionError', 'NotFoundError'].includes(e.name)));
}

export function indexedDbAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export class IdbBackend implements Backend {
  readonly persistent = true;
  #closed = false;

  private constructor(private db: IDBDatabase, onClosed: () => void) {
    // Another tab (or LocalStore.reset) deletes the database: let it, and start over.
    db.onversionchange = () => {
      this.close();
      onClosed();
    };
  }

  /**
   * Opens the database only if it already exists; never creates one (reading a community must not
   * write anything to the browser).
   */
  static async openExisting(name: string, onClosed: () => void): Promise<IdbBackend | null> {
    if (typeof indexedDB.databases === 'function') {
      const list = await indexedDB.databases();
      if (!list.some((d) => d.name === name)) return null;
    }
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open(name);
      // Opening a missing database would create it: abort that, which removes it again.
      request.onupgradeneeded = (e) => {
        if (e.oldVersion === 0) request.transaction?.abort();
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = (e) => {
        if (request.error?.name === 'AbortError') {
          e.preventDefault();
          resolve(null);
        } else reject(unavailable('opening saved data', request.error));
      };
      request.onblocked = () => reject(unavailable('opening saved data', new Error('blocked by another tab')));
    });
    if (!db) return null;
    if (!db.objectStoreNames.contains(STORE)) {
      db.close();
      return null;
    }
    return new IdbBackend(db, onClosed);
  }

  /** Opens or creates the database; a new one starts with `initial` (the unsaved seeded copy). */
  static async create(name: string, initial: Docs, now: number, onClosed: () => void): Promise<IdbBackend> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(unavailable('saving data', request.error));
      request.onblocked = () => reject(unavailable('saving data', new Error('blocked by another tab')));
    });
    const backend = new IdbBackend(db, onClosed);
    // Another tab may have saved first: then its data wins and `initial` (an untouched seed) is dropped.
    let first = false;
    try {
      await backend.transact((docs) => ({
        result: undefined,
        writes: (first = !docs.has('meta')) ? [...initial, ['meta', {createdAt: now}] as const] : [],
      }));
    } catch (e) {
      // Issue 17 (fault): the first save failed (quota): remove the empty database, so a later visit
      // does not read it as an empty community.
      backend.close();
      if (first) await deleteDatabase(name).catch(() => undefined);
      throw e;
    }
    return backend;
  }

  async read(): Promise<Docs> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.db.transaction(STORE, 'readonly');
      } catch (e) {
        reject(unavailable('reading saved data', e));
        return;
      }
      const store = tx.objectStore(STORE);
      const values = store.getAll();
      const keys = store.getAllKeys();
      tx.oncomplete = () => resolve(zip(keys.result, values.result));
      tx.onabort = () => reject(unavailable('reading saved data', tx.error));
    });
  }

  async transact<T>(op: Operation<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.db.transaction(STORE, 'readwrite');
      } catch (e) {
        reject(unavailable('saving data', e));
        return;
      }
      const store = tx.objectStore(STORE);
      const values = store.getAll();
      const keys = store.getAllKeys();
      let result: T;
      let failure: unknown = null;
      // Requests complete in order, so both results are here; the operation runs synchronously
      // inside the transaction, which makes read-check-write atomic across tabs.
      keys.onsuccess = () => {
        try {
          const out = op(zip(keys.result, values.result));
          for (const [path, value] of out.writes) {
            if (value === null) store.delete(path);
            else store.put(value, path);
          }
          result = out.result;
        } catch (e) {
          failure = e;
          tx.abort();
        }
      };
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => reject(failure ?? unavailable('saving data', tx.error));
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
  }
}

function zip(keys: IDBValidKey[], values: unknown[]): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  keys.forEach((k, i) => docs.set(String(k), values[i]));
  return docs;
}

/** Deletes a community's database (resolves when gone; open connections are asked to close). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(unavailable('erasing saved data', request.error));
  });
}
