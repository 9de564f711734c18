import { Bookmark, Paragraph, type HeadingLevel } from 'docx';
import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING } from './docx-numbering';
import { docxRuns } from './docx-runs';
import type { ExportList } from './lists';
import type { ExportBlock } from './prepare';

type HeadingStyle = (typeof HeadingLevel)[keyof typeof HeadingLevel];
export const HEADING_STYLES: readonly HeadingStyle[] = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6'];

/** Word bookmark names are letters, digits and underscores; a leading underscore hides them, as Word hides its own. */
export function bookmarkName(sectionId: string): string {
  return `_Toc_${sectionId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/**
 * The blocks as Word paragraphs. A heading is its style, its place in the heading list and its text, bookmarked for the
 * table of contents: its number is Word's to write. `pageBreakBefore` starts the first block on a new page.
 */
export function bodyParagraphs(blocks: readonly ExportBlock[], pageBreakBefore: boolean): Paragraph[] {
  return blocks.flatMap((block, index) => blockParagraphs(block, pageBreakBefore && index === 0));
}

function blockParagraphs(block: ExportBlock, pageBreakBefore: boolean): Paragraph[] {
  const breakBefore = pageBreakBefore ? { pageBreakBefore: true } : {};
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          ...breakBefore,
          heading: HEADING_STYLES[block.depth - 1] ?? 'Heading6',
          // custom: the heading keeps its Heading style rather than being given List Paragraph.
          numbering: { reference: HEADING_NUMBERING, level: block.depth - 1, custom: true },
          children: [new Bookmark({ id: bookmarkName(block.id), children: docxRuns(block.runs) })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ ...breakBefore, children: docxRuns(block.runs) })];
    case 'list':
      return listParagraphs(block, pageBreakBefore);
  }
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
        numbering:
          item.list === 'bullet'
            ? { reference: BULLET_NUMBERING, level: item.depth }
            : // Instance 0 is the list of paragraphs that name none; numbered runs count from 1.
              { reference: NUMBER_NUMBERING, level: item.depth, instance: item.sequence + 1 },
        children: docxRuns(item.runs),
      }),
  );
}
