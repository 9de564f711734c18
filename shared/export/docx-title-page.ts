import { longDay } from '../model/dates';
import { bookmarkName } from './docx-body';
import { DOCUMENT_INFO_STYLE, TOC_HEADING_STYLE } from './docx-styles';
import { escapeXml } from './docx-xml';
import type { ExportHeading, PreparedDocument } from './prepare';

/** The title, the document's details under it, and the table of contents when there are sections to list (XML). */
export function titlePageXml(doc: PreparedDocument): string {
  const info: Array<[string, string]> = [];
  if (doc.effectiveDate) info.push(['Effective date', longDay(doc.effectiveDate)]);
  if (doc.lastUpdated) info.push(['Last updated', longDay(doc.lastUpdated)]);
  if (doc.versionLabel) info.push(['Version', doc.versionLabel]);
  if (doc.owner) info.push(['Owner', doc.owner]);
  let xml = styled('Title', text(doc.title));
  for (const [label, value] of info) xml += styled(DOCUMENT_INFO_STYLE, `<w:r><w:rPr><w:b/><w:bCs/></w:rPr>${t(`${label}: `)}</w:r>${text(value)}`);
  if (doc.headings.length === 0) return xml;
  return xml + styled(TOC_HEADING_STYLE, text('Contents')) + tableOfContents(doc.headings);
}

const t = (value: string): string => `<w:t xml:space="preserve">${escapeXml(value)}</w:t>`;
const text = (value: string): string => `<w:r>${t(value)}</w:r>`;
const styled = (style: string, runs: string): string => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs}</w:p>`;

// Where the text of the page ends (A4 less its margins, in twips): the page numbers' tab stop, dotted up to it.
const TEXT_WIDTH = 9025;
const FIELD_BEGIN = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-6&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>';
const FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The table of contents: a TOC field over Heading 1–6, linked to the headings' bookmarks, in Word's content control
 * for it, which Word refreshes when the document opens (settings ask it to update fields). What it shows until then,
 * and for good in a reader that does not refresh fields on load, as LibreOffice does not: the entries as Word writes
 * them (TOC1…TOC6 paragraphs), with their numbers, linked to the headings. Page numbers are left to Word, which alone
 * lays out the pages. The field is marked dirty so that Word fills them in.
 */
function tableOfContents(headings: readonly ExportHeading[]): string {
  let xml = '<w:sdt><w:sdtPr><w:alias w:val="Contents"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>';
  headings.forEach((heading, index) => {
    // A heading that takes no number is listed by its title alone, as Word lists it.
    const title = [heading.label, heading.text].filter((part) => part !== '').join(' ');
    const entry =
      `<w:hyperlink w:history="1" w:anchor="${bookmarkName(heading.id)}"><w:r><w:rPr><w:rStyle w:val="IndexLink"/></w:rPr>` +
      `<w:t xml:space="default">${escapeXml(title)}</w:t><w:tab/><w:t xml:space="default"></w:t></w:r></w:hyperlink>`;
    const level = heading.depth;
    // Each level's own stop is cleared for the one at the text's right edge, as Word writes its TOC styles' tabs.
    const tabs = `<w:tabs><w:tab w:val="clear" w:pos="${TEXT_WIDTH + 1 - (level - 1) * 240}"/><w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/></w:tabs>`;
    const last = index === headings.length - 1 && headings.length > 1;
    xml += `<w:p><w:pPr><w:pStyle w:val="TOC${level}"/>${tabs}</w:pPr>${index === 0 ? FIELD_BEGIN : ''}${entry}${last ? FIELD_END : ''}</w:p>`;
  });
  // A one-entry table ends its field in a paragraph of its own.
  if (headings.length === 1) xml += `<w:p>${FIELD_END}</w:p>`;
  return `${xml}</w:sdtContent></w:sdt>`;
}
