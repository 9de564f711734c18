import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { BlockChange, ClauseUse, FormatChange, LevelChange, SuggestionMark } from '../../shared/model/document';

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

export interface FormattedText extends ReviewFields {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
}

export interface LinkElement {
  type: 'link';
  href: string;
  children: FormattedText[];
}

/** A project variable as a chip: an inline void that shows the variable's value, never editable as text. */
export interface VariableElement extends ReviewFields {
  type: 'variable';
  name: string;
  bold?: true;
  italic?: true;
  underline?: true;
  children: [{ text: '' }];
}

/**
 * A cross-reference: an inline void that shows its section's number as it is now (references.ts), one unit the caret
 * steps over and Backspace removes whole. `ref` is the section's id, never its number; the stored run's fields.
 */
export interface ReferenceElement extends ReviewFields {
  type: 'reference';
  ref: string;
  refTitle?: true;
  bold?: true;
  italic?: true;
  underline?: true;
  children: [{ text: '' }];
}

/** The inline voids: one unit each, with no text of their own. */
export type ChipElement = VariableElement | ReferenceElement;

export type InlineNode = FormattedText | LinkElement | VariableElement | ReferenceElement;

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

export type BlockElement = HeadingElement | ParagraphElement | ListItemElement;
export type PolicyEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: PolicyEditor;
    Element: BlockElement | LinkElement | VariableElement | ReferenceElement;
    Text: FormattedText;
  }
}
