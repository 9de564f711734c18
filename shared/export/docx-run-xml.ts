import { bookmarkName } from './docx-reference';
import { escapeXml } from './docx-xml';
import type { ExportReference, ExportRun } from './runs';

/** The hyperlink relationships of the document part: each link's r:id. */
export interface Links {
  relationship(href: string): string;
}

/** How a tracked run is written: what its text is (inserted, deleted, moved) and what its formatting was. */
export interface RunTracking {
  /** Deleted text is w:delText, which Word shows struck through and drops on accepting. */
  readonly deleted: boolean;
  /**
   * What goes before and after one Word run of it (a run is one Word run a line): w:ins, w:del and the like, each with
   * an id of its own, so this is asked once for each.
   */
  around(): readonly [open: string, close: string];
  /** Its formatting before a suggested change of marks, as w:rPrChange ('' when there is none); asked once a Word run. */
  formatChange(): string;
}

/**
 * A run as Word runs (WordprocessingML, written as text). A line break inside a block is a Word line break (not a new
 * paragraph, which would be a new block), and a tab a Word tab: in Word's XML a raw tab character in text is read as a
 * space. A link wraps the run's Word runs in a w:hyperlink to an external relationship.
 *
 * This is the one place a run becomes XML: a run of another kind is a case here (a cross-reference is REF
 * fields, referenceXml; a footnote's mark a footnote reference, noteXml), built from wordRun and runProperties so
 * that it carries the same formatting and tracking.
 */
export function runXml(run: ExportRun, links: Links, tracking?: RunTracking): string {
  if (run.note !== undefined) return noteXml(run.note.number, runProperties(run), tracking);
  if (run.ref !== undefined) {
    // The anchor link is for HTML and Markdown; in Word the field is the way there.
    const { href: _anchor, ref, ...text } = run;
    // A reference suggested away is deleted text: Word keeps no field instruction in a deletion.
    if (tracking?.deleted === true) return runXml(text, links, tracking);
    return referenceXml(ref, runProperties(text), tracking);
  }
  const properties = runProperties(run);
  const lines = run.text.split('\n');
  let xml = '';
  for (let index = 0; index < lines.length; index++) {
    // The formatting change is numbered before the insertion or deletion around it, as Word numbers them.
    const change = tracking ? tracking.formatChange() : '';
    const [open, close] = tracking ? tracking.around() : ['', ''];
    const content = (index > 0 ? '<w:br/>' : '') + lineXml(lines[index] ?? '', tracking?.deleted === true);
    xml += open + wordRun(properties + change, content) + close;
  }
  return run.href === undefined ? xml : `<w:hyperlink w:history="1" r:id="${links.relationship(run.href)}">${xml}</w:hyperlink>`;
}

/**
 * A cross-reference as Word fields to the section's bookmark: `REF … \r \h` for the heading's number as its list
 * writes it (`\h` makes it a link there), and, for a reference that shows the title too, `REF … \h` for the
 * bookmarked heading text in brackets after it. What Policywright shows is each field's cached result, so Word shows
 * it before any update of fields, and its own number for the same heading after one (LibreOffice works the result out
 * itself on opening). Each of the field's Word runs carries the run's formatting and, when it is suggested, its own
 * insertion.
 */
function referenceXml(ref: ExportReference, properties: string, tracking: RunTracking | undefined): string {
  const one = (content: string): string => {
    const change = tracking ? tracking.formatChange() : '';
    const [open, close] = tracking ? tracking.around() : ['', ''];
    return open + wordRun(properties + change, content) + close;
  };
  const field = (instruction: string, cached: string): string =>
    one('<w:fldChar w:fldCharType="begin"/>') +
    one(`<w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText>`) +
    one('<w:fldChar w:fldCharType="separate"/>') +
    one(textXml('w:t', cached)) +
    one('<w:fldChar w:fldCharType="end"/>');
  const bookmark = bookmarkName(ref.section);
  // A section that takes no number is named by its title alone: Word's number of it would be empty.
  if (ref.number === '') return field(`REF ${bookmark} \\h`, ref.title ?? '');
  const number = field(`REF ${bookmark} \\r \\h`, ref.number);
  if (ref.title === undefined) return number;
  return number + one(textXml('w:t', ' (')) + field(`REF ${bookmark} \\h`, ref.title) + one(textXml('w:t', ')'));
}

/**
 * A footnote's mark: Word's reference to the footnote of that id (the note's number; Word numbers the marks itself, in
 * the same reading order) in Word's own "Footnote Reference" character style, which raises it.
 */
function noteXml(id: number, properties: string, tracking: RunTracking | undefined): string {
  const change = tracking ? tracking.formatChange() : '';
  const [open, close] = tracking ? tracking.around() : ['', ''];
  return open + wordRun(`<w:rStyle w:val="${FOOTNOTE_REFERENCE_STYLE}"/>${properties.replace(/<w:vertAlign [^>]*\/>/, '')}${change}`, `<w:footnoteReference w:id="${id}"/>`) + close;
}

export const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

/** One Word run: its properties (the inside of w:rPr) and content; an empty one is written as Word writes it. */
export function wordRun(properties: string, content: string): string {
  if (properties === '') return content === '' ? '<w:r/>' : `<w:r>${content}</w:r>`;
  return `<w:r><w:rPr>${properties}</w:rPr>${content}</w:r>`;
}

/** A run's character formatting, in the order Word's schema gives the elements of w:rPr. */
export function runProperties(run: Pick<ExportRun, 'bold' | 'italic' | 'underline' | 'script' | 'href'>): string {
  return (run.href !== undefined ? '<w:rStyle w:val="Hyperlink"/>' : '') + runMarks(run.bold, run.italic, run.underline, run.script);
}

/** Bold, italic, underline and superscript or subscript as w:rPr elements, in the schema's order. */
export const runMarks = (bold: boolean, italic: boolean, underline: boolean, script?: ExportRun['script']): string =>
  (bold ? '<w:b/><w:bCs/>' : '') +
  (italic ? '<w:i/><w:iCs/>' : '') +
  (underline ? '<w:u w:val="single"/>' : '') +
  (script ? `<w:vertAlign w:val="${script}"/>` : '');

/** One line's text, its tabs as Word tabs. */
function lineXml(line: string, deleted: boolean): string {
  const element = deleted ? 'w:delText' : 'w:t';
  if (!line.includes('\t')) return line === '' ? '' : textXml(element, line);
  return line
    .split('\t')
    .map((part, k) => (k > 0 ? '<w:tab/>' : '') + (part === '' ? '' : textXml(element, part)))
    .join('');
}

const textXml = (element: string, text: string): string => `<${element} xml:space="preserve">${escapeXml(text)}</${element}>`;
