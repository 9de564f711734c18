import { Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import { longDay } from '../model/dates';
import { bookmarkName } from './docx-body';
import { DOCUMENT_INFO_STYLE, TOC_HEADING_STYLE } from './docx-styles';
import type { PreparedDocument } from './prepare';

/** The title, the document's details under it, and the table of contents when there are sections to list. */
export function titlePage(doc: PreparedDocument): FileChild[] {
  const info: Array<[string, string]> = [];
  if (doc.effectiveDate) info.push(['Effective date', longDay(doc.effectiveDate)]);
  if (doc.lastUpdated) info.push(['Last updated', longDay(doc.lastUpdated)]);
  if (doc.versionLabel) info.push(['Version', doc.versionLabel]);
  if (doc.owner) info.push(['Owner', doc.owner]);
  const out: FileChild[] = [
    new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] }),
    ...info.map(
      ([label, value]) =>
        new Paragraph({ style: DOCUMENT_INFO_STYLE, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    ),
  ];
  if (doc.headings.length === 0) return out;
  out.push(
    new Paragraph({ style: TOC_HEADING_STYLE, children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-6',
      // What the table shows until Word refreshes it (on opening, as updateFields asks), and for good in a reader that
      // does not refresh fields on load, as LibreOffice does not: the entries as Word writes them, with their numbers,
      // linked to the headings. Page numbers are left to Word, which alone lays out the pages. Given entries also
      // spare docx its own pass over the body to find the headings, which costs seconds on a long policy.
      cachedEntries: doc.headings.map((heading) => ({
        title: heading.text === '' ? heading.label : `${heading.label} ${heading.text}`,
        level: heading.depth,
        href: bookmarkName(heading.id),
      })),
    }),
  );
  return out;
}
