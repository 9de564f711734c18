import { strToU8 } from 'fflate';
import { LinkRelationships } from './docx-package';
import { FOOTNOTE_REFERENCE_STYLE, runXml } from './docx-run-xml';
import type { Tracking } from './docx-tracking';
import type { ExportNote } from './prepare';

export const FOOTNOTE_TEXT_STYLE = 'FootnoteText';

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// The two footnotes every Word document with footnotes has, as Word writes them: the short rule above the notes
// (-1) and the full-width one above a note carried on from the page before (0).
const SEPARATORS =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';

/**
 * The footnotes part (word/footnotes.xml) as Word writes it: the separators, then each note as a footnote whose id is
 * its number (the body's w:footnoteReference names it), one "Footnote Text" paragraph that opens with the note's own
 * mark (w:footnoteRef, which Word numbers) and a space. The note's text goes through runXml like the body's; its links
 * are relationships of the footnotes part, and its open suggestions tracked changes with ids after the body's.
 * The `docx` library writes the part's content type and the document's relationship to it; this replaces its content.
 */
export function addFootnotes(files: Record<string, Uint8Array>, notes: readonly ExportNote[], tracking: Tracking | undefined): void {
  if (notes.length === 0) return;
  const links = new LinkRelationships();
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${NAMESPACES}>${SEPARATORS}`;
  for (const note of notes) {
    const mark = `<w:r><w:rPr><w:rStyle w:val="${FOOTNOTE_REFERENCE_STYLE}"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`;
    const text = note.runs.map((run) => runXml(run, links, tracking?.run(run, undefined))).join('');
    xml += `<w:footnote w:id="${note.number}"><w:p><w:pPr><w:pStyle w:val="${FOOTNOTE_TEXT_STYLE}"/></w:pPr>${mark}${text}</w:p></w:footnote>`;
  }
  files['word/footnotes.xml'] = strToU8(`${xml}</w:footnotes>`);
  files['word/_rels/footnotes.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links.xml()}</Relationships>`,
  );
}
