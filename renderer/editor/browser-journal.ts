import type { JournalEntry } from '../../shared/api/contract';

const DATABASE = 'policywright';
const STORE = 'journal';

let cipherKey: Promise<CryptoKey | null> = Promise.resolve(null);

/**
 * The tab's own copy of the journal (IndexedDB): when the web host itself has stopped, the app's copy cannot be
 * written, and this one still holds the edits for the next time the app is opened in this browser (the host answers
 * under the same origin again, see main/web/web-origin.ts). Entries are encrypted with a key the app keeps in its
 * settings folder, so a page served under the same origin by someone else finds nothing readable.
 * Every call settles, never throws: a browser without IndexedDB or WebCrypto (or with it full) keeps nothing here.
 */
export const browserJournal = {
  /** The app's key for this browser's journal (from the start-up); until it is given, nothing is kept here. */
  useKey(base64url: string | null): void {
    cipherKey = base64url ? importKey(base64url).catch(() => null) : Promise.resolve(null);
  },
  async put(key: string, entry: JournalEntry): Promise<void> {
    const sealed = await seal(entry);
    if (sealed) await withStore('readwrite', (store) => store.put(sealed, key));
  },
  async get(key: string): Promise<JournalEntry | null> {
    const value = await open(await withStore('readonly', (store) => store.get(key)));
    return isEntry(value) ? value : null;
  },
  delete(key: string): Promise<void> {
    return withStore('readwrite', (store) => store.delete(key)).then(() => undefined);
  },
};

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

async function importKey(base64url: string): Promise<CryptoKey> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const raw = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(entry: JournalEntry): Promise<Sealed | null> {
  const key = await cipherKey;
  if (!key) return null;
  try {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(entry)));
    return { iv, data };
  } catch {
    return null;
  }
}

async function open(value: unknown): Promise<unknown> {
  const key = await cipherKey;
  const sealed = value as Partial<Sealed> | null;
  if (!key || !(sealed?.iv instanceof Uint8Array) || !(sealed.data instanceof ArrayBuffer)) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
}

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
