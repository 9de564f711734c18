import type { JournalEntry } from '../../shared/api/contract';

const DATABASE = 'policywright';
const STORE = 'journal';

/**
 * The tab's own copy of the journal (IndexedDB): when the web host itself has stopped, the app's copy cannot be
 * written, and this one still holds the edits for the next time the app is opened in this browser.
 * Every call settles, never throws: a browser without IndexedDB (or with it full) simply keeps nothing here.
 */
export const browserJournal = {
  put(key: string, entry: JournalEntry): Promise<void> {
    return withStore('readwrite', (store) => store.put(entry, key)).then(() => undefined);
  },
  get(key: string): Promise<JournalEntry | null> {
    return withStore('readonly', (store) => store.get(key)).then((value) => (isEntry(value) ? value : null));
  },
  delete(key: string): Promise<void> {
    return withStore('readwrite', (store) => store.delete(key)).then(() => undefined);
  },
};

/** One entry per project and document. */
export function journalKey(projectPath: string, documentId: string): string {
  return `${projectPath}\u0000${documentId}`;
}

let opening: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

async function withStore(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const db = await database();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction(STORE, mode, { durability: 'strict' });
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => resolve(null);
      transaction.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  return typeof entry?.text === 'string' && typeof entry.takenAt === 'string' && (entry.base === null || typeof entry.base === 'string');
}
