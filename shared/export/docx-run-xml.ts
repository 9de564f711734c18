import { escapeXml } from './docx-xml';
import type { ExportRun } from './runs';

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
 * This is the one place a run becomes XML: a run of another kind (a cross-reference as a REF field, say) is a case
 * here, built from wordRun and runProperties so that it carries the same formatting and tracking.
 */
export function runXml(run: ExportRun, links: Links, tracking?: RunTracking): string {
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

/** One Word run: its properties (the inside of w:rPr) and content; an empty one is written as Word writes it. */
export function wordRun(properties: string, content: string): string {
  if (properties === '') return content === '' ? '<w:r/>' : `<w:r>${content}</w:r>`;
  return `<w:r><w:rPr>${properties}</w:rPr>${content}</w:r>`;
}

/** A run's character formatting, in the order Word's schema gives the elements of w:rPr. */
export function runProperties(run: Pick<ExportRun, 'bold' | 'italic' | 'underline' | 'href'>): string {
  return (run.href !== undefined ? '<w:rStyle w:val="Hyperlink"/>' : '') + runMarks(run.bold, run.italic, run.underline);
}

/** Bold, italic and underline as w:rPr elements, in the schema's order. */
export const runMarks = (bold: boolean, italic: boolean, underline: boolean): string =>
  (bold ? '<w:b/><w:bCs/>' : '') + (italic ? '<w:i/><w:iCs/>' : '') + (underline ? '<w:u w:val="single"/>' : '');

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
