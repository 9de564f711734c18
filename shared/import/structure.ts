import { FORMAT_VERSION, PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { newSectionId } from '../model/ids';
import { readDateLine } from './dates';
import { ImportError, UNNAMED } from './errors';
import type { RawDocument, RawParagraph } from './raw';
import { buildImportReport, type ImportReport } from './report';
import { cleanRuns, runsText } from './runs';
import { linkAnchors } from './structure/anchors';
import { buildBlocks } from './structure/blocks';
import { dropContentsPage } from './structure/contents';
import { findUnnumberedSections } from './structure/fallback';
import { readHead } from './structure/head';
import { assignRemaining } from './structure/lists';
import { cleanTitle, initialMetadata, readDatesAround, titleFromFileName } from './structure/metadata';
import { NoteBook } from './structure/notes';
import { findSections } from './structure/sections';
import { tableBlocks } from './structure/tables';
import { unnumberedHeadings } from './structure/unnumbered';
import type { Line } from './structure/types';

/*
 * Structure recovery: raw paragraphs in, a PolicyDocument out. The rules, in the order they are applied (each is
 * tested in structure.test.ts):
 *
 * HEAD. From the top, lines that carry only labelled dates ("Effective Date: …", "Last updated: …", "Effective: …",
 *   "effective as of …") or a version ("Version 2.1") go into the metadata. The first other line is the title if the
 *   source says so (Word Title style), if it is a level-1 heading that no later heading reaches (the one <h1> of a
 *   page), or if it is short and reads like a heading (at most 12 words, no closing full stop, no typed number). A
 *   line repeating the title in this head area is dropped. Everything from the first other line on is kept.
 *
 * TYPED NUMBERS. A paragraph may start with a number typed by hand (markers.ts lists the shapes). The number is a
 *   section number when
 *   - the source also marks the paragraph as a heading (Heading style, <hN>, #): always; or
 *   - the text after it reads like a heading (≤ 15 words, starts with a capital, no closing . , ; :), or starts with a
 *     run-in heading — a bold or underlined lead ending in "." or ":" ("1. **Questions; Contacting Us.** If you…"),
 *     or, where there are no marks, a lead of at most 10 words in Title Case or CAPITALS ending in "." or ":" — or is
 *     empty (the title is on the next line: "ARTICLE IV" / "DEFINITIONS"), and the number is the next one at its
 *     level, or skips at most one ("strong" candidates); or
 *   - it is followed by an ordinary sentence ("1.1 The Supplier shall…"), the number is exactly the next one at its
 *     level, and that level is already open (its parent section exists, or for a top-level number an earlier top-level
 *     section of the same kind exists): a numbered clause without a title, kept as an untitled section with the sentence
 *     as its text ("weak" candidates).
 *   Two or more short numbered lines in a row with consecutive numbers and no text between them (1. Name / 2. Email)
 *   are a list or a table of contents, not sections. A new level starts at 1 (or 2, one skip).
 *   Levels: the kinds of number (decimal, A., I., Article, Section, §, (a), (i), (A), (1)) are ranked by where they
 *   first appear among the headings — Article first, sub-clause kinds in parentheses last — and a decimal or § number
 *   takes one level per part (1 → 1, 1.1 → 2, 2.3.1 → 3). "Section 1.01" sits under its Article. The typed number is
 *   removed from the heading (the app numbers sections itself) and the numbering style follows the top kind: Article →
 *   article-section; § or "Section N" without Articles → section-sign; A. → letter-decimal; otherwise decimal.
 *   "(i)" and "I." are read as roman numerals unless they continue a letter sequence ((h) → (i)) and the next one is
 *   not (ii)/II.
 * LISTS. Numbers that are not section numbers — "a)", "i.", "1)" always; "(a)", "1." and the rest when they fail the
 *   tests above — make numbered list items (number removed) only when two or more such lines stand together and count
 *   up from 1 (or continue); otherwise the paragraph is kept exactly as typed, number included. Lines starting with a
 *   typed bullet ("- ", "• ", "* ", "– ", "◦ ", "▪ ") are bullet items, nested by their leading spaces in plain text.
 *   List items of the source (HTML/Markdown/Word lists) stay list items, except: a numbered item whose number the
 *   source knows (Markdown, <ol>) is tested like a typed number, and in a document without heading styles, numbered
 *   Word list items that are wholly bold and read like a heading, or start with a bold run-in heading, are headings at
 *   their list level when there are at least two of them.
 * FALLBACK. A document where none of that finds a section gets level-1 sections from unnumbered lines that are wholly
 *   bold and read like a heading, or start with a bold run-in heading, or (plain text) are a short line in CAPITALS or
 *   Title Case followed by a longer paragraph — when there are at least two such lines.
 * DATES. Date-only lines before the first section or at the very end go into the metadata (when the metadata has no
 *   other value for them). "… effective as of <date> …" inside a sentence sets the effective date; the sentence stays.
 * TABLES stand where the source has them, as tables (structure/tables.ts); no stage reads into or across one.
 * FOOTNOTES. A footnote's mark becomes a note run where it stands, and the note goes into the document's notes
 *   (structure/notes.ts); a note whose mark went with a dropped line goes with it.
 * UNNUMBERED. A heading takes no number when the source says so (a Word heading with its numbering switched off:
 *   structure/unnumbered.ts) or when it has no typed number among headings that have one (sections.ts markUnnumbered).
 * LEVELS. Finally heading levels are made contiguous the way the app numbers them: a heading is never more than one
 *   level below the heading before it (a Heading 3 right under a Heading 1 becomes level 2).
 *
 * Each stage has its file in structure/ (head, candidates and sections, lists, fallback, metadata, blocks; reading.ts
 * holds the tests of a line's text they share); this one reads the lines and runs the stages in order.
 */

/**
 * The paragraphs as the stages read them. Word's list numbers (a DOCX list item's path) say which items are sections
 * only in a document whose sections no Heading style marks (as Word lists numbered by hand for headings); where
 * Heading styles mark them, Word's numbered lists are lists, whatever their numbers.
 */
function sourceParagraphs(raw: RawDocument): readonly RawParagraph[] {
  if (raw.format !== 'docx' || !raw.paragraphs.some((p) => p.headingLevel !== undefined)) return raw.paragraphs;
  return raw.paragraphs.map((p) => (p.list?.path ? { ...p, list: { kind: p.list.kind, indent: p.list.indent } } : p));
}

const NOTE_MARK = /\{\{note:n-[a-z0-9]+\}\}/g;

export interface StructureOptions {
  /** Shown in messages; its name (without extension) is the title of last resort. */
  fileName?: string;
  /** Section ids: newSectionId by default (tests pass a counter). */
  newId?: () => string;
  /** Told what the import decided where the file does not say (report.ts): shown to the person after an import. */
  onReport?: (report: ImportReport) => void;
}

export function recoverStructure(raw: RawDocument, options: StructureOptions = {}): PolicyDocument {
  const fileName = options.fileName ?? UNNAMED;
  const newId = options.newId ?? (() => newSectionId());
  const noteBook = new NoteBook(newId);
  const lines: Line[] = [];
  for (const paragraph of sourceParagraphs(raw)) {
    if (paragraph.table) {
      const tables = tableBlocks(paragraph.table, noteBook.take, raw.format === 'docx' || raw.format === 'html');
      if (tables.length > 0) lines.push({ runs: [], text: '', raw: paragraph, dates: null, role: { kind: 'table', tables } });
      continue;
    }
    const runs = cleanRuns(paragraph.runs, paragraph.verbatim, noteBook.take);
    const text = runsText(runs);
    if (text.trim() === '') continue;
    lines.push({ runs, text, raw: paragraph, dates: paragraph.verbatim ? null : readDateLine(text), role: null });
  }
  const meta = initialMetadata(raw.metadata);
  if (lines.length === 0 && meta.title === null) throw new ImportError(fileName, 'empty', 'has no text to import');

  const detectedTitle = readHead(lines, meta);
  const contents = dropContentsPage(lines);
  const inferred = findSections(lines, raw.format);
  const guessed = !lines.some((l) => l.role?.kind === 'heading');
  if (guessed) findUnnumberedSections(lines, raw.format);
  assignRemaining(lines);
  readDatesAround(lines, meta);
  options.onReport?.(
    buildImportReport({
      format: raw.format,
      lines,
      meta,
      stated: raw.metadata ?? {},
      contents: contents ?? (raw.contentsDropped ? { entries: raw.contentsDropped, title: null } : null),
      guessed: guessed && lines.some((l) => l.role?.kind === 'heading'),
    }),
  );

  const blocks = linkAnchors(buildBlocks(lines, newId, unnumberedHeadings(lines)), lines);
  const notes = noteBook.notesOf(blocks);
  // A title read from a line loses that line's footnote marks with the line.
  const title = cleanTitle((meta.title ?? detectedTitle ?? raw.fallbackTitle ?? titleFromFileName(options.fileName)).replace(NOTE_MARK, ''));
  const document: PolicyDocument = {
    format: FORMAT_VERSION,
    title: title || 'Untitled',
    effectiveDate: meta.effectiveDate,
    lastUpdated: meta.lastUpdated,
    versionLabel: meta.versionLabel,
    owner: meta.owner,
    numbering: meta.numbering ?? inferred,
    ...(meta.language ? { language: meta.language } : {}),
    blocks,
    ...(notes.length > 0 ? { notes } : {}),
  };
  const checked = PolicyDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new ImportError(fileName, 'invalid', `could not be turned into a valid policy (${where} ${issue?.message ?? ''})`.replace(/\s+\)/, ')'));
  }
  return checked.data;
}
