import type { JournalEntry, WindowJournalEntry } from '../../shared/api/contract';

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
  /** Keeps the entry; resolves with the main-thread milliseconds its sealing took (a long policy's are hundreds). */
  async put(place: JournalPlace, entry: JournalEntry): Promise<number> {
    const key = keyOf(place);
    const { sealed, ms } = await seal(entry, key);
    if (sealed) await withStore('readwrite', (store) => store.put(sealed, key));
    return ms;
  },
  /** Every window's entry for one document of one project. */
  async all(projectPath: string, documentId: string): Promise<WindowJournalEntry[]> {
    const prefix = keyOf({ projectPath, documentId, window: '' });
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const keys = ((await withStore('readonly', (store) => store.getAllKeys(range))) ?? []) as string[];
    const found: WindowJournalEntry[] = [];
    for (const key of keys) {
      const value = await open(await withStore('readonly', (store) => store.get(key)), key);
      if (isEntry(value)) found.push({ window: key.slice(prefix.length), entry: value });
    }
    return found;
  },
  delete(place: JournalPlace): Promise<void> {
    return withStore('readwrite', (store) => store.delete(keyOf(place))).then(() => undefined);
  },
};

/** Where an entry belongs: one per project, document and window. */
export interface JournalPlace {
  projectPath: string;
  documentId: string;
  window: string;
}

function keyOf({ projectPath, documentId, window }: JournalPlace): string {
  return `${projectPath}\u0000${documentId}\u0000${window}`;
}

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

async function importKey(base64url: string): Promise<CryptoKey> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const raw = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

// The entry's place is bound to its ciphertext, so an entry cannot be moved to another document's or window's place.
async function seal(entry: JournalEntry, place: string): Promise<{ sealed: Sealed | null; ms: number }> {
  const key = await cipherKey;
  if (!key) return { sealed: null, ms: 0 };
  const started = performance.now();
  try {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = new TextEncoder().encode(place);
    const encrypting = crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, encodeEntry(entry));
    const ms = performance.now() - started;
    return { sealed: { iv, data: await encrypting }, ms };
  } catch {
    return { sealed: null, ms: performance.now() - started };
  }
}

async function open(value: unknown, place: string): Promise<unknown> {
  const key = await cipherKey;
  const sealed = value as Partial<Sealed> | null;
  if (!key || !(sealed?.iv instanceof Uint8Array) || !(sealed.data instanceof ArrayBuffer)) return null;
  try {
    const additionalData = new TextEncoder().encode(place);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.data);
    return decodeEntry(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
}


/**
 * An entry as sealed: a first line naming the layout, a line of JSON with the entry's details, then the text as it is.
 * The text (a whole document, 11 MB for a 1,000,000-word policy) is not written into JSON, whose escaping of every
 * quote in it cost more than the encryption itself. Entries sealed before this layout are one JSON value.
 */
const LAYOUT = 'policywright-journal 2\n';

export function encodeEntry(entry: JournalEntry): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const head = encoder.encode(`${LAYOUT}${JSON.stringify({ base: entry.base, takenAt: entry.takenAt })}\n`);
  // Written straight after the head, into room for a text of mostly one-byte characters: no second copy of 11 MB.
  let bytes = new Uint8Array(head.length + Math.ceil(entry.text.length * 1.1) + 16);
  bytes.set(head);
  let written = head.length;
  let read = 0;
  for (;;) {
    const done = encoder.encodeInto(read === 0 ? entry.text : entry.text.slice(read), bytes.subarray(written));
    read += done.read;
    written += done.written;
    if (read >= entry.text.length) return bytes.subarray(0, written);
    // Out of room (many characters of two or more bytes): a larger buffer, the part written kept.
    const larger = new Uint8Array(written + (entry.text.length - read) * 3 + 16);
    larger.set(bytes.subarray(0, written));
    bytes = larger;
  }
}

export function decodeEntry(plain: string): unknown {
  if (!plain.startsWith(LAYOUT)) return JSON.parse(plain);
  const end = plain.indexOf('\n', LAYOUT.length);
  if (end === -1) return null;
  const head = JSON.parse(plain.slice(LAYOUT.length, end)) as Partial<JournalEntry> | null;
  return { base: head?.base, takenAt: head?.takenAt, text: plain.slice(end + 1) };
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
