import type { DocumentLanguage, Mark, NumberingStyle } from '../model/document';

/**
 * The common intermediate every format reader produces: a flat list of "raw paragraphs" in reading order, with what
 * the source itself says about each one (hints). One module, structure.ts, turns this into sections, lists and
 * metadata, so every format gets the same rules for typed numbers, run-in headings, titles and dates.
 */
export interface RawRun {
  text: string;
  marks?: readonly Mark[];
  /** Already checked by the reader: only http, https and mailto links arrive here. */
  link?: string;
  /**
   * A link to a place in the same document (HTML `href="#id"`, a Word REF or internal hyperlink to a bookmark): if
   * that place is a section heading, the text becomes a cross-reference to the section (structure/anchors.ts).
   */
  anchor?: string;
  /**
   * A footnote's (or endnote's) mark: the note's own runs, which the reader may still be filling when it hands the run
   * over (an HTML or Markdown note is defined after its mark). The run's text is ignored; structure recovery makes it
   * a `note` run and puts the note in the document's notes. A note inside a note keeps only its text.
   */
  note?: RawRun[];
}

/**
 * A table as the source states it: rows of cells, each cell its runs (its paragraphs joined by line breaks). Rows may
 * differ in width: structure recovery pads them with empty cells to the widest, as the model wants.
 */
export interface RawTable {
  /** The first row names the columns (<th>/<thead>, Word's "Repeat as header row", a Markdown table's head). */
  header: boolean;
  caption?: RawRun[];
  rows: RawRun[][][];
}

export interface RawParagraph {
  runs: RawRun[];
  /** The source states a heading level: Word "Heading N", HTML <hN>, Markdown "#"×N (1–6). */
  headingLevel?: number;
  /** The source states this is the document's title (Word "Title" style). */
  isTitle?: boolean;
  /**
   * A list item in the source's own structure (HTML/Markdown/Word lists), with its nesting depth from 0. `path` is
   * the number the source's ordered lists give the item, outermost first ([2, 1] for the first item of a list nested
   * in item 2), when the source knows it (Markdown "3.", HTML <ol start>) and every enclosing list is ordered. Word
   * list items have the path Word draws from its list definitions (wordml/list-numbers.ts); those read by mammoth
   * (its HTML restarts every list) have none.
   */
  list?: { kind: 'bullet' | 'number'; indent: number; path?: number[] };
  /**
   * Typed plain text: there are no marks, so rules that look for bold cannot apply, and leading spaces (counted in
   * columns, a tab as four) are the only sign of nesting.
   */
  indentColumns?: number;
  /** Text that must not be read for structure (a code block): it stays a paragraph as it is. */
  verbatim?: boolean;
  /** The ids the source gives this paragraph or places inside it (an HTML id, a Word bookmark): where anchors lead. */
  anchors?: string[];
  /** A heading the source says takes no number (a Word heading with its numbering switched off, while others have it). */
  unnumbered?: boolean;
  /** Not a paragraph but a table, standing here: its `runs` are empty and every other hint is ignored. */
  table?: RawTable;
}

/** Document facts a format states outright (Markdown front matter, DOCX core properties, HTML <title>). */
export interface RawMetadata {
  title?: string;
  effectiveDate?: string | null;
  lastUpdated?: string | null;
  versionLabel?: string;
  owner?: string;
  numbering?: NumberingStyle;
  language?: DocumentLanguage;
}

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx';

export interface RawDocument {
  format: SourceFormat;
  paragraphs: RawParagraph[];
  /** Stated outright: wins over anything recovered from the text. */
  metadata?: RawMetadata;
  /** Used only when the text gives no title: HTML <title>, DOCX core properties. */
  fallbackTitle?: string;
  /**
   * Entries of a contents page the reader itself left out (Word's TOC field, paragraphs in "toc N" styles): structure
   * recovery never sees them, so the import report (report.ts) learns of them only here.
   */
  contentsDropped?: number;
}
