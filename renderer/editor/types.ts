import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { BlockChange, ClauseUse, FormatChange, LevelChange, Run, SuggestionMark } from '../../shared/model/document';

/**
 * The editor's own node shapes. They mirror the stored blocks closely but are Slate's concern alone: the stored format
 * never sees them, and convert.ts is the only bridge.
 */
/** Suggestions and comments on a piece of text, as the stored run holds them (shared/model/review-schema.ts). */
export interface ReviewFields {
  ins?: SuggestionMark;
  del?: SuggestionMark;
  formatted?: FormatChange;
  comments?: string[];
}

/** The marks a piece of text may carry, one optional flag each, named as the stored MARKS. */
export interface MarkFlags {
  bold?: true;
  italic?: true;
  underline?: true;
  superscript?: true;
  subscript?: true;
}

export interface FormattedText extends ReviewFields, MarkFlags {
  text: string;
}

export interface LinkElement {
  type: 'link';
  href: string;
  children: FormattedText[];
}

/** A project variable as a chip: an inline void that shows the variable's value, never editable as text. */
export interface VariableElement extends ReviewFields, MarkFlags {
  type: 'variable';
  name: string;
  children: [{ text: '' }];
}

/**
 * A cross-reference: an inline void that shows its section's number as it is now (references.ts), one unit the caret
 * steps over and Backspace removes whole. `ref` is the section's id, never its number; the stored run's fields.
 */
export interface ReferenceElement extends ReviewFields, MarkFlags {
  type: 'reference';
  ref: string;
  refTitle?: true;
  children: [{ text: '' }];
}

/**
 * A footnote's mark: an inline void showing the note's number (counted from the marks' order, never stored). The
 * note's text travels with its mark, in the stored runs' shape, so cutting, pasting, deleting and undoing the mark
 * carry the note whole; the document's `notes` are gathered from the marks when it is saved (convert.ts).
 */
export interface NoteElement extends ReviewFields, MarkFlags {
  type: 'note';
  note: string;
  runs: Run[];
  children: [{ text: '' }];
}

/** The inline voids: one unit each, with no text of their own. */
export type ChipElement = VariableElement | ReferenceElement | NoteElement;

export type InlineNode = FormattedText | LinkElement | VariableElement | ReferenceElement | NoteElement;

/** Set on every block of a clause insertion: which clause, which version, and whether it is locked. */
interface ClauseFields {
  clause?: ClauseUse;
  /** A suggested insertion, deletion or move of the whole block. */
  change?: BlockChange;
}

export interface HeadingElement extends ClauseFields {
  type: 'heading';
  id: string;
  level: number;
  /** A heading that takes no number (the stored heading's `unnumbered`). */
  unnumbered?: true;
  /** A suggested promotion or demotion: the level before. */
  relevel?: LevelChange;
  children: InlineNode[];
}

export interface ParagraphElement extends ClauseFields {
  type: 'paragraph';
  children: InlineNode[];
}

export interface ListItemElement extends ClauseFields {
  type: 'list-item';
  list: 'bullet' | 'number';
  indent: number;
  /** A suggested indent change: the indent before. */
  relevel?: LevelChange;
  children: InlineNode[];
}

/** A table's caption, its optional first child: text like a paragraph's. */
export interface TableCaptionElement {
  type: 'table-caption';
  children: InlineNode[];
}

/** One cell: one paragraph of text, as the stored cell. */
export interface TableCellElement {
  type: 'table-cell';
  children: InlineNode[];
}

export interface TableRowElement {
  type: 'table-row';
  children: TableCellElement[];
}

/** A table: its caption (if any) first, then its rows, every row as wide as the first. */
export interface TableElement extends ClauseFields {
  type: 'table';
  /** The first row names the columns. */
  header?: true;
  children: Array<TableCaptionElement | TableRowElement>;
}

/** The blocks whose children are text: every top-level kind but a table. */
export type TextBlockElement = HeadingElement | ParagraphElement | ListItemElement;
/** The elements that hold text directly (inlines): text blocks, a table's cells and its caption. */
export type TextContainerElement = TextBlockElement | TableCellElement | TableCaptionElement;
export type BlockElement = TextBlockElement | TableElement;
export type PolicyEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: PolicyEditor;
    Element: BlockElement | TableRowElement | TableCellElement | TableCaptionElement | LinkElement | VariableElement | ReferenceElement | NoteElement;
    Text: FormattedText;
  }
}
