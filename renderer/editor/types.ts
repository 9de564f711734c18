import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';

/**
 * The editor's own node shapes. They mirror the stored blocks closely but are Slate's concern alone: the stored format
 * never sees them, and convert.ts is the only bridge.
 */
export interface FormattedText {
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

export type InlineNode = FormattedText | LinkElement;

export interface HeadingElement {
  type: 'heading';
  id: string;
  level: number;
  children: InlineNode[];
}

export interface ParagraphElement {
  type: 'paragraph';
  children: InlineNode[];
}

export interface ListItemElement {
  type: 'list-item';
  list: 'bullet' | 'number';
  indent: number;
  children: InlineNode[];
}

export type BlockElement = HeadingElement | ParagraphElement | ListItemElement;
export type PolicyEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: PolicyEditor;
    Element: BlockElement | LinkElement;
    Text: FormattedText;
  }
}
