import { AlignmentType, Document, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import type { PolicyDocument } from '../model/document';
import type { VariableValues } from '../model/variables';
import { writeBody } from './docx-body';
import { CommentAnchors } from './docx-comments';
import { addResolvedComments } from './docx-comments-extended';
import { ListNumbering } from './docx-lists';
import { LinkRelationships, packDocx } from './docx-package';
import type { Review } from './docx-review';
import { Tracking } from './docx-tracking';
import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING, bulletLevels, headingLevels, numberLevels } from './docx-numbering';
import { docxProperties } from './docx-properties';
import { docxStyles } from './docx-styles';
import { addFootnotes } from './docx-footnotes';
import { titlePageXml } from './docx-title-page';
import { prepareDocument, type PreparedDocument } from './prepare';
import { documentHasSuggestions } from '../review/suggestions';

const MUTED = '555555';

/**
 * The policy as a Word document (.docx bytes). Headings carry Word's Heading styles and are bound to one multilevel
 * list written in the document's numbering style, so Word and LibreOffice number them, and renumber them when a
 * section is moved in Word: no number is typed into a heading. The table of contents is a TOC field that Word
 * refreshes when the document opens. Packed straight to bytes (zlib through the Compression Streams API, which Node,
 * Chromium and Electron all have), so it needs no Node Buffer and runs anywhere.
 *
 * Open suggestions are Word's tracked changes, by their authors at their times, and comment threads Word comments
 * with their replies (docx-review.ts); change tracking is then left on, so a reviewer's edits in Word are tracked too.
 * Accepting every change in Word gives the document with every suggestion accepted, numbered as Policywright numbers
 * it; rejecting every change gives it as it was before them.
 */
export async function exportDocx(doc: PolicyDocument, options: { variables?: VariableValues } = {}): Promise<Uint8Array> {
  const prepared = prepareDocument(doc, options.variables);
  const hasSections = prepared.headings.length > 0;
  // A note's text may hold suggestions of its own (hasSuggestions reads a table's cells and caption itself).
  const suggesting = documentHasSuggestions(doc);
  const threads = doc.comments ?? [];
  const review = suggesting || threads.length > 0 ? reviewOf(prepared, threads) : undefined;
  // The `docx` library writes every part but the body (styles, list definitions, settings, properties, header and
  // footer, comments); the body, nearly all of the package, is written here as text (docx-body.ts, docx-package.ts).
  const frame = new Document({
    ...docxProperties(prepared),
    styles: docxStyles(hasSections),
    numbering: {
      config: [
        { reference: HEADING_NUMBERING, levels: headingLevels(prepared.numbering) },
        { reference: BULLET_NUMBERING, levels: bulletLevels() },
        { reference: NUMBER_NUMBERING, levels: numberLevels() },
      ],
    },
    features: { updateFields: true, ...(suggesting ? { trackRevisions: true } : {}) },
    ...(review && threads.length > 0 ? { comments: { children: review.comments.comments() } } : {}),
    sections: [
      {
        headers: { default: new Header({ children: [pageHeader(prepared.title)] }) },
        footers: { default: new Footer({ children: [pageFooter()] }) },
        children: [],
      },
    ],
  });
  const links = new LinkRelationships();
  let bookmarks = 0;
  const lists = new ListNumbering(frame.Numbering);
  const context = { lists, links, bookmarkId: () => ++bookmarks };
  const resolved = review?.comments.resolvedWithoutReplies ? review.comments.doneFlags() : undefined;
  const body = async (write: (xml: string) => Promise<void>) => {
    await write(titlePageXml(prepared));
    // With a table of contents, the body starts on a page of its own after it.
    await writeBody(prepared.blocks, hasSections, context, review, write);
  };
  return packDocx(frame, body, links, (files) => {
    lists.addTo(files);
    if (resolved) addResolvedComments(files, resolved);
    // After the body, so a note's tracked changes take ids after the body's.
    addFootnotes(files, prepared.notes, review?.tracking);
  });
}

/** Comments are numbered from 0 and tracked changes after them: Word wants one id per annotation in the document. */
function reviewOf(prepared: PreparedDocument, threads: NonNullable<PolicyDocument['comments']>): Review {
  const comments = new CommentAnchors(threads, prepared.blocks);
  return { comments, tracking: new Tracking(comments.count + 1) };
}

function pageHeader(title: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 18, color: MUTED })] });
}

function pageFooter(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ size: 18, color: MUTED, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
}
