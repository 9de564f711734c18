import { Bookmark, Paragraph, type HeadingLevel, type IParagraphOptions, type ParagraphChild } from 'docx';
import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING } from './docx-numbering';
import { reviewedParagraph, type Review, type ReviewedPart } from './docx-review';
import { bookmarkName } from './docx-reference';
import { docxRuns } from './docx-runs';
import type { ExportList, ExportListItem } from './lists';
import type { ExportBlock, ExportHeading } from './prepare';

type HeadingStyle = (typeof HeadingLevel)[keyof typeof HeadingLevel];
export const HEADING_STYLES: readonly HeadingStyle[] = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'];

export { bookmarkName } from './docx-reference';

/**
 * The blocks as Word paragraphs. A heading is its style, its place in the heading list and its text, bookmarked for the
 * table of contents: its number is Word's to write. `pageBreakBefore` starts the first block on a new page. With
 * `review`, the open suggestions are written as tracked changes and the comments anchored (docx-review.ts).
 */
export function bodyParagraphs(blocks: readonly ExportBlock[], pageBreakBefore: boolean, review?: Review): Paragraph[] {
  if (review) return reviewedParagraphs(blocks, pageBreakBefore, review);
  return blocks.flatMap((block, index) => blockParagraphs(block, pageBreakBefore && index === 0));
}

function blockParagraphs(block: ExportBlock, pageBreakBefore: boolean): Paragraph[] {
  const breakBefore = pageBreakBefore ? { pageBreakBefore: true } : {};
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          ...breakBefore,
          ...headingForm(block.depth),
          children: [new Bookmark({ id: bookmarkName(block.id), children: docxRuns(block.runs) })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ ...breakBefore, children: docxRuns(block.runs) })];
    case 'list':
      return listParagraphs(block, pageBreakBefore);
  }
}

/** A heading's style and its place in the heading list, at `depth` from 1. */
export function headingForm(depth: number): Pick<IParagraphOptions, 'heading' | 'numbering'> {
  return {
    heading: HEADING_STYLES[depth - 1] ?? 'Heading6',
    // custom: the heading keeps its Heading style rather than being given List Paragraph.
    numbering: { reference: HEADING_NUMBERING, level: Math.min(depth, HEADING_STYLES.length) - 1, custom: true },
  };
}

/** A list item's place in its list, at `depth` from 0. */
export function listForm(item: ExportListItem, depth = item.depth, sequence = item.sequence): Pick<IParagraphOptions, 'numbering'> {
  return {
    numbering:
      item.list === 'bullet'
        ? { reference: BULLET_NUMBERING, level: depth }
        : // Instance 0 is the list of paragraphs that name none; numbered runs count from 1.
          { reference: NUMBER_NUMBERING, level: depth, instance: sequence + 1 },
  };
}

/**
 * List items as List Paragraphs. All bullets share one list; each run of numbering worked out by prepare.ts gets a
 * list instance of its own, so a numbered list restarts at 1 exactly where the editor restarts it.
 */
function listParagraphs(list: ExportList, pageBreakBefore: boolean): Paragraph[] {
  return list.items.map(
    (item, index) =>
      new Paragraph({
        ...(pageBreakBefore && index === 0 ? { pageBreakBefore: true } : {}),
        ...listForm(item),
        children: docxRuns(item.runs),
      }),
  );
}

/** The blocks with their suggestions and comments: every list item a paragraph of its own, as Word has them. */
function reviewedParagraphs(blocks: readonly ExportBlock[], pageBreakBefore: boolean, review: Review): Paragraph[] {
  const parts: ReviewedPart[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') {
      for (const item of block.items) {
        const was = item.was ? { was: { form: listForm(item, item.was.depth, item.was.sequence), by: item.was.by } } : {};
        parts.push({ change: item.change, runs: item.runs, form: listForm(item), ...was });
      }
    } else if (block.kind === 'heading') {
      parts.push(headingPart(block));
    } else {
      parts.push({ change: block.change, runs: block.runs, form: {} });
    }
  }
  return reviewedParagraph(parts, pageBreakBefore, review);
}

function headingPart(heading: ExportHeading): ReviewedPart {
  return {
    change: heading.change,
    runs: heading.runs,
    form: headingForm(heading.depth),
    ...(heading.was ? { was: { form: headingForm(heading.was.depth), by: heading.was.by } } : {}),
    // The old place of a moved heading is not where the table of contents leads, nor where a comment on the section
    // is shown: its bookmark and those comments are at the new place.
    ...(heading.change?.kind === 'move-from'
      ? {}
      : { section: heading.id, bookmark: (children: ParagraphChild[]) => new Bookmark({ id: bookmarkName(heading.id), children }) }),
  };
}
