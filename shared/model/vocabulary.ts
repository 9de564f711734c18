/**
 * The stored document model's constants and checks, none of which needs a schema library. The schemas that validate
 * a whole document are in document.ts; this module stays free of zod so that the renderer, which uses these words but
 * never validates a document itself, does not load it at start-up (a quarter of a second of every open, measured).
 *
 * The model is deliberately editor-neutral: a flat list of blocks in reading order, where a heading opens a section
 * that runs until the next heading of the same or a higher level. Sections are derived from the headings, never stored
 * as a tree, and numbers are derived from the sections, never stored at all.
 */
/**
 * The document format this version writes. Format 2 added suggestions and comments (review-schema.ts); format 3 added
 * cross-references (`ref` runs); format 4 added tables, headings that take no number, footnotes (`note` runs and the
 * document's `notes`), superscript and subscript. An older file reads as it is, since every
 * field it has means the same now, and is written in the present format when next saved; an older Policywright
 * refuses a newer file by its number, in words, rather than stumbling on a field it does not know.
 */
export const FORMAT_VERSION = 4;
export const READABLE_FORMAT_VERSIONS = [1, 2, 3, 4] as const;

/** The project manifest's format, which suggestions did not change. */
export const MANIFEST_FORMAT_VERSION = 1;

export const MAX_HEADING_LEVEL = 6;
export const MAX_LIST_INDENT = 5;

export const MARKS = ['bold', 'italic', 'underline', 'superscript', 'subscript'] as const;
export type Mark = (typeof MARKS)[number];

/**
 * The languages a document can be written in, as BCP 47 tags: what the spellchecker checks and what exports declare
 * (`<html lang>`). A document without one is English.
 */
export const DOCUMENT_LANGUAGES = {
  en: 'English', 'en-GB': 'English (UK)', 'en-US': 'English (US)', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian',
  nl: 'Dutch', pt: 'Portuguese', pl: 'Polish', sv: 'Swedish', da: 'Danish', fi: 'Finnish', nb: 'Norwegian', ga: 'Irish',
} as const;
export type DocumentLanguage = keyof typeof DOCUMENT_LANGUAGES;
export const DEFAULT_LANGUAGE: DocumentLanguage = 'en';

export const NUMBERING_STYLES = ['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

/** Section ids are short, opaque and stable: they survive edits, moves and renumbering. */
export const SECTION_ID_PATTERN = /^s-[a-z0-9]{6,24}$/;

/** A project variable's name, as written in a placeholder: `{{company_name}}`. */
export const VARIABLE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name);
}

/** How a variable is written in clause text and stored in a variable run's `text`. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

/**
 * How a cross-reference is stored in its run's `text`: the section's id, never its number, which is drawn from the
 * tree wherever the reference is shown. A reader that looks only at `text` (search, the clause diff, compare) sees a
 * reference that still points at the same section as unchanged, however the sections were renumbered.
 */
export function referencePlaceholder(section: string): string {
  return `{{ref:${section}}}`;
}

/** Footnote ids ("n-…") name a note of the document's `notes`; its number is its place among the notes in reading order. */
export const NOTE_ID_PATTERN = /^n-[a-z0-9]{6,24}$/;

/**
 * How a footnote's mark is stored in its run's `text`: the note's id, never its number, which is counted from the
 * order the marks are read in. A reader that looks only at `text` sees one word where the mark stands.
 */
export function notePlaceholder(note: string): string {
  return `{{note:${note}}}`;
}

/** The most columns and rows a table may have: beyond any policy's table, short of a pasted spreadsheet that freezes a page. */
export const MAX_TABLE_COLUMNS = 30;
export const MAX_TABLE_ROWS = 2_000;

// XML 1.0 forbids these; a document carrying them cannot be exported to DOCX, so they never enter the model.
// eslint-disable-next-line no-control-regex -- the point of this pattern is to match control characters
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Removes what XML 1.0 forbids, for text arriving from outside (paste, import). */
export function stripForbiddenCharacters(text: string): string {
  return FORBIDDEN_CHARACTERS.test(text) ? text.replace(new RegExp(FORBIDDEN_CHARACTERS.source, 'g'), '') : text;
}

/** Text that may be exported: no character that XML 1.0 forbids. */
export function hasNoForbiddenCharacters(text: string): boolean {
  return !FORBIDDEN_CHARACTERS.test(text);
}

export const CLAUSE_SOURCES = ['project', 'team'] as const;
export type ClauseSource = (typeof CLAUSE_SOURCES)[number];

/**
 * Where a block's text came from a library clause. Every block of one insertion carries the same `use` id, so the
 * blocks of a clause stay one unit through edits and moves. `locked`: an approved clause, not editable in place;
 * `linked`: a draft clause, editable and still tracked; `unlinked`: the person unlinked it to edit, from `version`.
 */
export const CLAUSE_USE_STATES = ['locked', 'linked', 'unlinked'] as const;
export type ClauseUseState = (typeof CLAUSE_USE_STATES)[number];

/**
 * What a suggestion does to a whole block: `insert` and `delete` a block (a paragraph break typed or removed counts),
 * `move-from` and `move-to` the two places of one moved block, which share the suggestion's id.
 */
export const BLOCK_CHANGE_KINDS = ['insert', 'delete', 'move-from', 'move-to'] as const;
export type BlockChangeKind = (typeof BLOCK_CHANGE_KINDS)[number];

/** Suggestion ids ("c-…") group the runs and blocks of one change; comment ids ("k-…") name a thread or a reply. */
export const SUGGESTION_ID_PATTERN = /^c-[a-z0-9]{6,24}$/;
export const COMMENT_ID_PATTERN = /^k-[a-z0-9]{6,24}$/;
export const MAX_AUTHOR_LENGTH = 120;
export const MAX_COMMENT_LENGTH = 20_000;
