import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { HEADING_NUMBERING } from './docx-numbering';
import { TABLE_HEADING_STYLE, TABLE_TEXT_STYLE } from './docx-table';

// Arial, because LibreOffice and most Linux desktops have Liberation Sans with the same widths: the pages break in the
// same places in Word and in LibreOffice, and a table of contents' page numbers agree between them.
const FONT = 'Arial';
const TEXT = '1A1A1A';
const MUTED = '555555';
export const DOCUMENT_INFO_STYLE = 'DocumentInfo';
export const TOC_HEADING_STYLE = 'TOCHeading';

// Heading 1 to Heading 6 by section depth: sizes step down to body size, then italics carry the difference.
const heading = (level: number, numbered: boolean, size: number, before: number, italics = false) => ({
  run: { font: FONT, size, bold: true, italics, color: TEXT },
  paragraph: {
    keepNext: true,
    keepLines: true,
    spacing: { before, after: 120 },
    // The style carries the list too, so a heading someone adds in Word is numbered like the others.
    ...(numbered ? { numbering: { reference: HEADING_NUMBERING, level } } : {}),
  },
});

const extraParagraphStyles: IParagraphStyleOptions[] = [
  {
    id: DOCUMENT_INFO_STYLE,
    name: 'Document Info',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 20, color: MUTED },
    paragraph: { spacing: { before: 0, after: 40 } },
  },
  {
    // Word's own name for it. Not a Heading style, so the table of contents it heads never lists it.
    id: TOC_HEADING_STYLE,
    name: 'TOC Heading',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: FONT, size: 28, bold: true, color: TEXT },
    paragraph: { keepNext: true, spacing: { before: 360, after: 120 } },
  },
  {
    // A cell's text: tighter than a body paragraph, so rows stay compact.
    id: TABLE_TEXT_STYLE,
    name: 'Table Text',
    basedOn: 'Normal',
    next: TABLE_TEXT_STYLE,
    run: { size: 20 },
    paragraph: { spacing: { before: 0, after: 0, line: 252 } },
  },
  {
    // A header row's cells: bold, and kept with the row below so a header never ends a page alone.
    id: TABLE_HEADING_STYLE,
    name: 'Table Heading',
    basedOn: TABLE_TEXT_STYLE,
    next: TABLE_TEXT_STYLE,
    run: { bold: true },
    paragraph: { keepNext: true },
  },
];

/**
 * Real Word styles, so a reader can restyle the whole policy in Word by changing a style, not every paragraph.
 * `numberedHeadings` only when the document has headings: the heading list exists only once a heading uses it.
 */
export function docxStyles(numberedHeadings: boolean): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, color: TEXT },
        paragraph: { spacing: { after: 160, line: 276 } },
      },
      title: {
        run: { font: FONT, size: 40, bold: true, color: TEXT },
        paragraph: { spacing: { before: 0, after: 160 } },
      },
      heading1: heading(0, numberedHeadings, 28, 360),
      heading2: heading(1, numberedHeadings, 24, 280),
      heading3: heading(2, numberedHeadings, 22, 240),
      heading4: heading(3, numberedHeadings, 22, 200, true),
      heading5: heading(4, numberedHeadings, 22, 200, true),
      heading6: heading(5, numberedHeadings, 22, 200, true),
      listParagraph: { paragraph: { spacing: { after: 80 } } },
    },
    paragraphStyles: extraParagraphStyles,
    // docx links the entries of a table of contents it was given with this style; defined here so the reference
    // resolves. No formatting: Word's own table of contents does not show its entries as links.
    characterStyles: [{ id: 'IndexLink', name: 'Index Link' }],
  };
}
