/**
 * A crash-journal entry as its file holds it: a first line naming the format, a line of JSON with what the entry is
 * about, then the document's text as it is. The text was a JSON string inside one JSON object before; a document's text
 * is JSON itself, so every quote in it was escaped on each entry: for a 1,000,000-word policy (11 MB), escaping took
 * 21–33 ms and the longer result 16–22 ms to encode, of the app's 50–70 ms an entry, every second of typing.
 */
export interface JournalFileEntry {
  readonly project: string;
  readonly documentId: string;
  readonly window: string;
  readonly base: string | null;
  readonly takenAt: string;
  readonly text: string;
}

const FORMAT_LINE = 'policywright-journal 2\n';

/**
 * The file's text for an entry. A text with half a surrogate pair in it (no document's text has one: it is JSON, which
 * escapes them) could not be written as UTF-8 unchanged: it is written as the JSON object, escaped.
 */
export function journalFileText(entry: JournalFileEntry): string {
  const { text, ...about } = entry;
  if (!(text as WellFormedString).isWellFormed()) return JSON.stringify(entry);
  // JSON escapes any line break inside the fields, so what the entry is about stays on one line. The text's length is
  // there too, so that a file cut short reads as nothing, as the JSON object it was before did.
  return `${FORMAT_LINE}${JSON.stringify({ ...about, chars: text.length })}\n${text}`;
}

/** String.prototype.isWellFormed (ES2024; Node 20, which `engines` asks for, has it), which the ES2023 library lacks. */
type WellFormedString = string & { isWellFormed(): boolean };

/**
 * What a journal file holds, its fields unchecked (the caller checks them): an entry of this format or one of the JSON
 * object the app wrote before; null when it is neither, or cut short.
 */
export function readJournalFileText(file: string): unknown {
  try {
    if (!file.startsWith(FORMAT_LINE)) return JSON.parse(file) as unknown;
    const end = file.indexOf('\n', FORMAT_LINE.length);
    if (end < 0) return null;
    const about = JSON.parse(file.slice(FORMAT_LINE.length, end)) as unknown;
    if (typeof about !== 'object' || about === null || Array.isArray(about) || 'text' in about) return null;
    const { chars, ...fields } = about as { chars?: unknown };
    const text = file.slice(end + 1);
    return chars === text.length ? { ...fields, text } : null;
  } catch {
    return null;
  }
}
