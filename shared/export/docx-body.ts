import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING } from './docx-numbering';
import { writeParagraphs, type BodyPart, type Review, type WrittenPart } from './docx-review';
import { bookmarkName } from './docx-reference';
import type { Links } from './docx-run-xml';
import type { ExportListItem } from './lists';
import type { ExportBlock, ExportHeading } from './prepare';

type HeadingStyle = 'Heading1' | 'Heading2' | 'Heading3' | 'Heading4' | 'Heading5' | 'Heading6';
export const HEADING_STYLES: readonly HeadingStyle[] = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'];

export { bookmarkName } from './docx-reference';

/** The numbering part's list ids (w:numId): one per list, by its definition (`reference`) and its instance. */
export interface ListIds {
  numId(reference: string, instance: number): number;
}

/** What writing the body needs besides the blocks: list ids, link relationships, bookmark ids. */
export interface BodyContext {
  readonly lists: ListIds;
  readonly links: Links;
  /** A new bookmark id (Word wants each bookmark's own). */
  bookmarkId(): number;
}

/** A paragraph's style and its place in a list: Word's paragraph formatting for a heading or a list item. */
export interface Form {
  readonly style: string;
  readonly list: { readonly reference: string; readonly instance: number; readonly level: number };
  /** Out of the list its style carries: written with w:numId 0, which switches the style's numbering off. */
  readonly unlisted?: true;
}

/**
 * The blocks as Word paragraphs (document.xml's body, as text handed to `write` a chunk at a time). A heading is its style, its place in the heading list
 * and its text, bookmarked for the table of contents: its number is Word's to write. `pageBreakBefore` starts the first
 * block on a new page. With `review`, the open suggestions are written as tracked changes and the comments anchored
 * (docx-review.ts). Every list item is a paragraph of its own, as Word has them.
 */
export async function writeBody(
  blocks: readonly ExportBlock[],
  pageBreakBefore: boolean,
  context: BodyContext,
  review: Review | undefined,
  write: (xml: string) => Promise<void>,
): Promise<void> {
  const parts: BodyPart[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') {
      for (const item of block.items) {
        const was = item.was ? { was: { form: listForm(item, item.was.depth, item.was.sequence), by: item.was.by } } : {};
        parts.push({ change: item.change, runs: item.runs, form: listForm(item), ...was });
      }
    } else if (block.kind === 'heading') {
      parts.push(headingPart(block));
    } else if (block.kind === 'table') {
      parts.push({ table: block });
    } else {
      parts.push({ change: block.change, runs: block.runs });
    }
  }
  await writeParagraphs(parts, pageBreakBefore, context, review, write);
}

/**
 * A heading's style and its place in the heading list, at `depth` from 1. A heading that takes no number keeps its
 * Heading style (so it is in the table of contents and the navigation pane) with its numbering switched off (`unlisted`:
 * w:numId 0), as Word does for a heading whose number is removed: it does not count, so the numbered headings after it
 * keep their numbers.
 */
export function headingForm(depth: number, unnumbered = false): Form {
  const level = Math.min(depth, HEADING_STYLES.length) - 1;
  return { style: HEADING_STYLES[level] ?? 'Heading6', list: { reference: HEADING_NUMBERING, instance: 0, level }, ...(unnumbered ? { unlisted: true } : {}) };
}

/**
 * A list item's place in its list, at `depth` from 0, as a List Paragraph. All bullets share one list; each run of
 * numbering worked out by prepare.ts gets a list instance of its own, so a numbered list restarts at 1 exactly where
 * the editor restarts it.
 */
export function listForm(item: ExportListItem, depth = item.depth, sequence = item.sequence): Form {
  return {
    style: 'ListParagraph',
    list:
      item.list === 'bullet'
        ? { reference: BULLET_NUMBERING, instance: 0, level: depth }
        : // Instance 0 is the list of paragraphs that name none; numbered runs count from 1.
          { reference: NUMBER_NUMBERING, instance: sequence + 1, level: depth },
  };
}

function headingPart(heading: ExportHeading): WrittenPart {
  return {
    change: heading.change,
    runs: heading.runs,
    form: headingForm(heading.depth, heading.unnumbered),
    ...(heading.was ? { was: { form: headingForm(heading.was.depth, heading.unnumbered), by: heading.was.by } } : {}),
    // The old place of a moved heading is not where the table of contents leads, nor where a comment on the section
    // is shown: its bookmark and those comments are at the new place.
    ...(heading.change?.kind === 'move-from' ? {} : { section: heading.id, bookmark: bookmarkName(heading.id) }),
  };
}
