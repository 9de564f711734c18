import type { Block, Mark, NumberingStyle } from '../model/document';

/**
 * A comparison of two editions of a policy. Like Common Form's diffs, it is itself a document: rows of sections, each
 * holding blocks whose runs say whether they were kept, inserted or deleted, so the side-by-side view, the inline
 * redline and the HTML and DOCX redlines all draw from this one value.
 *
 * A "section" here is a heading and its own body up to the next heading of any level (text before the first heading
 * is the preamble). Subsections are sections of their own, so an edit deep in 4.2.1 marks only 4.2.1 as changed.
 */
export interface Comparison {
  readonly old: EditionInfo;
  readonly new: EditionInfo;
  readonly metadata: readonly MetadataChange[];
  /** In reading order of the new edition; deleted sections and the places moved sections left stand where they were. */
  readonly rows: readonly Row[];
  readonly summary: Summary;
  /**
   * The footnotes of both editions, as a notes part: the new edition's in the order of their marks, then the ones that
   * went, in the old edition's order. A note's mark is a run of its section's redline; its text is compared here.
   */
  readonly notes: readonly NoteChange[];
}

export interface NoteChange {
  readonly id: string;
  /** Its number in the new edition (in the old one for a note that went): its place among the marks. */
  readonly number: number;
  readonly status: 'unchanged' | 'changed' | 'added' | 'deleted';
  readonly runs: readonly RedlineRun[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
}

export interface EditionInfo {
  /** What the person chose: "Version 2026-02 GDPR update", "Current draft", "privacy-v3.docx". */
  readonly label: string;
  readonly title: string;
  readonly numbering: NumberingStyle;
}

export interface Summary {
  readonly unchanged: number;
  readonly changed: number;
  readonly added: number;
  readonly deleted: number;
  readonly moved: number;
  /** New sections split off an old one (a heading put in its middle), and old sections merged into the one before. */
  readonly split: number;
  readonly merged: number;
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  /** Words of the sections that moved (with their subsections), whether or not they were also edited. */
  readonly wordsMoved: number;
  /** Links whose words stayed and whose address changed. */
  readonly linksChanged: number;
}

export const METADATA_FIELDS = ['title', 'effectiveDate', 'lastUpdated', 'versionLabel', 'owner', 'numbering'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface MetadataChange {
  readonly field: MetadataField;
  /** For people: "Effective date". */
  readonly label: string;
  readonly old: string;
  readonly new: string;
}

export type Row = SectionRow | MoveOrigin;

/**
 * "split": a new section cut from the old section before it (its heading inserted, its text kept from the old
 * section). "merged": an old section joined to the one before it (its heading deleted, its text kept there).
 */
export type SectionStatus = 'unchanged' | 'changed' | 'added' | 'deleted' | 'moved' | 'split' | 'merged';

/** How an old and a new section were found to be the same one. */
export type MatchedBy = 'id' | 'title' | 'content';

export interface SectionRow {
  readonly status: SectionStatus;
  /** Whether the words changed. Always true for "changed"; a moved section may be moved and edited, or only moved. */
  readonly edited: boolean;
  /**
   * A moved subsection that still sits under its moved parent: part of the parent's move, so the summary counts it
   * by its words (changed or unchanged), not as a move of its own.
   */
  readonly carried: boolean;
  readonly matchedBy: MatchedBy | null;
  readonly old: SectionSide | null;
  readonly new: SectionSide | null;
  /** The number changed (old → new). Shown, but never counted as a change. */
  readonly renumbered: boolean;
  /** The heading was switched between taking a number and taking none: a change of its form, shown, and counted as a change. */
  readonly numbering: 'now-unnumbered' | 'now-numbered' | null;
  readonly linksChanged: number;
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
  /**
   * The section's blocks with each run marked kept, inserted or deleted: null when the words are identical, in which
   * case `new.blocks` (or `old.blocks`) is the text. Taking kept and inserted runs gives the new text exactly; taking
   * kept and deleted runs gives the old text exactly.
   */
  readonly redline: readonly RedlineBlock[] | null;
}

/** Where a moved section used to stand: drawn as a line "3.2 Retention moved to 5.1", never as a deletion. */
export interface MoveOrigin {
  readonly status: 'move-origin';
  /** Index in `rows` of the moved section. */
  readonly target: number;
}

/**
 * One side of a row. For a split or merge the side is the part of its section that the row holds (the old section's
 * text that now makes the new section, or the new section's text that was the merged old section).
 */
export interface SectionSide {
  /** The heading's stable id; "preamble" for the text before the first heading. */
  readonly id: string;
  /** The bare number ("4.2", "Article II", "§ 3"), empty for the preamble. */
  readonly number: string;
  /** The number as written before the title ("4.2.", "Section 1.01"). */
  readonly label: string;
  readonly title: string;
  /** Depth in the section tree, from 1; 0 for the preamble. */
  readonly depth: number;
  /** Position among the edition's sections, for ordering and for telling where a moved section came from. */
  readonly index: number;
  readonly blocks: readonly Block[];
}

export type ChangeOp = 'equal' | 'insert' | 'delete';

export interface RedlineRun {
  readonly op: ChangeOp;
  readonly text: string;
  readonly marks?: readonly Mark[];
  readonly link?: string;
  /**
   * A kept run whose words stayed and whose link changed: the address it had (null when it had none). `link` is the
   * new address. Taking `link` gives the new edition, taking this the old one.
   */
  readonly linkWas?: string | null;
  /** The mark of this footnote (its text is the placeholder); a note whose text changed is in Comparison.notes. */
  readonly note?: string;
}

/** A table of the redline: rows aligned as sequences, each kept (its cells diffed word by word), inserted or deleted. */
export interface RedlineTable {
  readonly header: boolean;
  /** The header row's form changed (it became, or stopped being, a header row). */
  readonly headerWas?: boolean;
  readonly caption: readonly RedlineRun[] | null;
  readonly rows: readonly RedlineTableRow[];
}

export interface RedlineTableRow {
  readonly op: ChangeOp;
  readonly cells: ReadonlyArray<readonly RedlineRun[]>;
}

/**
 * A block of the redline. Its runs interleave both editions. `mark` is the fate of the block's end (its paragraph
 * mark, in Word's terms): "delete" means the old text joined the next block here, "insert" that the new text splits
 * here. `block` carries the kind, level or list of the edition that owns that end: the new one unless it was deleted.
 */
export interface RedlineBlock {
  readonly block: BlockShape;
  readonly mark: ChangeOp;
  readonly runs: readonly RedlineRun[];
  /**
   * For a table (block.kind 'table', `runs` empty): its rows and cells. A table stands alone: its mark is "equal" for
   * a table compared cell by cell, "insert" or "delete" for one inserted or deleted whole (a changed width is both).
   */
  readonly table?: RedlineTable;
}

export type BlockShape =
  | { readonly kind: 'heading'; readonly id: string; readonly level: number; readonly unnumbered?: true }
  | { readonly kind: 'table'; readonly width: number }
  | { readonly kind: 'paragraph' }
  | { readonly kind: 'list-item'; readonly list: 'bullet' | 'number'; readonly indent: number };

export function isSectionRow(row: Row): row is SectionRow {
  return row.status !== 'move-origin';
}
