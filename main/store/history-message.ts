import { createHash } from 'node:crypto';
import { UserError } from './errors';

/**
 * The text side of a saved version: checking what a person typed, and the git tag names, identities and messages it
 * becomes. Everything a version records is in its tag message, readable in `git show` and parsed back from there.
 */

import { VERSION_KINDS, type VersionKind } from '../../shared/api/contract';
import type { Identity } from './history-git';

export { VERSION_KINDS, type VersionKind };

export const MAX_NAME_LENGTH = 120;

export interface VersionText {
  name: string;
  note: string;
  kind: VersionKind;
  documentId?: string;
  /** The project folder relative to the repository root, with forward slashes; '' when the project is the root. */
  project: string;
}

const TRAILER = {
  version: 'Policywright-Version',
  kind: 'Policywright-Kind',
  document: 'Policywright-Document',
  project: 'Policywright-Project',
} as const;

// Line breaks would split the subject and the trailers; bidi overrides can make a name read differently from its bytes.
const FORBIDDEN_IN_LINE = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u;
const FORBIDDEN_IN_NOTE = /[^\P{Cc}\n\t]|[\u202a-\u202e\u2066-\u2069]/u;

export function checkName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name === '') throw new UserError('A version needs a name.');
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    throw new UserError(`A version name can have at most ${MAX_NAME_LENGTH} characters; "${[...name].slice(0, 40).join('')}…" has ${length}.`);
  }
  if (FORBIDDEN_IN_LINE.test(name)) throw new UserError('A version name cannot contain line breaks, tabs or other control characters.');
  return name;
}

export function checkNote(raw: string): string {
  const note = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (FORBIDDEN_IN_NOTE.test(note)) throw new UserError('A version note cannot contain control characters other than line breaks and tabs.');
  return note;
}

export function checkKind(raw: string): VersionKind {
  if (!(VERSION_KINDS as readonly string[]).includes(raw)) throw new UserError(`A version's kind is editorial or substantive, not "${raw}".`);
  return raw as VersionKind;
}

export function checkAuthor(raw: string): string {
  const author = raw.normalize('NFC').trim();
  if (author === '') throw new UserError('A version needs an author.');
  if ([...author].length > MAX_NAME_LENGTH) throw new UserError(`An author name can have at most ${MAX_NAME_LENGTH} characters.`);
  // Git writes "Name <email>": angle brackets in the name would make the line unreadable to git.
  if (FORBIDDEN_IN_LINE.test(author) || /[<>]/.test(author)) {
    throw new UserError('An author name cannot contain "<", ">", line breaks or other control characters.');
  }
  return author;
}

/** How names are compared: "GDPR Update" and "gdpr update" are the same version name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

// Letters that Unicode decomposition leaves alone but that have a usual ASCII spelling.
const ASCII_SPELLING: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };
const MAX_SLUG = 100;

/**
 * Lowercase ASCII letters, digits and single dashes: valid in any git ref, the same file name on every file system
 * (refs are files, and macOS would otherwise rewrite accented names). When letters have no ASCII spelling (Greek,
 * Chinese…) or the slug is cut short, a short hash of the whole name keeps different names on different slugs.
 */
export function slugOf(text: string): string {
  // From the comparison key, so names that count as the same also share a tag, and a clash shows in the tags alone.
  const key = nameKey(text);
  const folded = key
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => ASCII_SPELLING[c] ?? c);
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const lost = /[\p{L}\p{N}]/u.test(folded.replace(/[a-z0-9]/g, ''));
  if (!lost && slug !== '' && slug.length <= MAX_SLUG) return slug;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const kept = slug.slice(0, MAX_SLUG - hash.length - 1).replace(/-+$/, '');
  return kept === '' ? `v-${hash}` : `${kept}-${hash}`;
}

/** A project at the repository root tags "2026-02-gdpr-update"; one in legal/policies tags "legal-policies/2026-02-gdpr-update". */
export function tagPrefix(project: string): string {
  return project === '' ? '' : `${slugOf(project)}/`;
}

export function tagNameFor(project: string, name: string): string {
  return `${tagPrefix(project)}${slugOf(name)}`;
}

/**
 * Git needs an email with every name. People type only a name, so the address is made from it, under .invalid, the
 * top-level domain reserved never to exist (RFC 2606): clearly not an address, never someone else's, always the same
 * for the same name.
 */
/** A person as git records them on a commit or a tag, now. */
export function identityOf(name: string, now = new Date()): Identity {
  return { name, email: authorEmail(name), timestamp: Math.floor(now.getTime() / 1000), timezoneOffset: now.getTimezoneOffset() };
}

export function authorEmail(author: string): string {
  return `${slugOf(author).slice(0, 64).replace(/-+$/, '')}@policywright.invalid`;
}

/** Subject = the name, body = the note, then trailers that `git interpret-trailers` and `git log --format=%(trailers)` read. */
export function formatVersionMessage(text: VersionText): string {
  const trailers = [`${TRAILER.version}: ${text.name}`, `${TRAILER.kind}: ${text.kind}`];
  if (text.documentId) trailers.push(`${TRAILER.document}: ${text.documentId}`);
  if (text.project !== '') trailers.push(`${TRAILER.project}: ${text.project}`);
  return [text.name, text.note, trailers.join('\n')].filter((part) => part !== '').join('\n\n');
}

/** The version a tag message records, or null for any message Policywright did not write. */
export function parseVersionMessage(message: string): VersionText | null {
  const text = message.replace(/\r/g, '').replace(/\n+$/, '');
  const subjectEnd = text.indexOf('\n\n');
  const trailersStart = text.lastIndexOf('\n\n');
  if (subjectEnd < 0) return null;
  const trailers = new Map<string, string>();
  for (const line of text.slice(trailersStart + 2).split('\n')) {
    const match = /^([A-Za-z-]+): ?(.*)$/.exec(line);
    if (!match) return null;
    trailers.set(match[1] as string, match[2] as string);
  }
  const name = trailers.get(TRAILER.version);
  const kind = trailers.get(TRAILER.kind);
  if (!name || !(VERSION_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return {
    name,
    note: subjectEnd === trailersStart ? '' : text.slice(subjectEnd + 2, trailersStart),
    kind: kind as VersionKind,
    ...(trailers.has(TRAILER.document) ? { documentId: trailers.get(TRAILER.document) } : {}),
    project: trailers.get(TRAILER.project) ?? '',
  };
}
