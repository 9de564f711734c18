import { safeLink } from '../../model/link';
import type { Mark } from '../../model/vocabulary';
import type { RawParagraph, RawRun } from '../raw';
import { NotMine } from './not-mine';

/**
 * A piece of a Word paragraph's content: text with its run's marks and link address (checked only if the paragraph
 * is kept: a table of contents' thousands of anchors never are), or a line break (w:br).
 */
export interface Piece {
  readonly text: string;
  readonly marks: readonly Mark[];
  readonly href: string | undefined;
  readonly lineBreak: boolean;
  /** A footnote or endnote reference ("footnote-2"): a note run carrying that note's text. */
  readonly note?: string;
}

/** A note's runs by its key ("footnote-2"); absent inside a note, which holds no note of its own. */
export type NoteText = (key: string) => RawRun[];

/** What the paragraph's style (or numbering) makes of it, as mammoth's style map and the HTML reader would. */
export type ParagraphRole =
  | { readonly kind: 'paragraph' }
  | { readonly kind: 'title' }
  | { readonly kind: 'heading'; readonly level: number }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly indent: number };

/** The address of a hyperlink whose relationship is missing: writing it is where mammoth fails. */
export const MISSING_TARGET = '\u0000no relationship';

/** A link as the HTML reader takes it from an <a href>: trimmed, and kept only when safeLink keeps it. */
export function linkOf(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  if (href === MISSING_TARGET) throw new NotMine('a hyperlink to no relationship');
  let link = LINKS.get(href);
  if (link === undefined) {
    link = safeLink(href.trim()) ?? '';
    if (LINKS.size > 10_000) LINKS.clear();
    LINKS.set(href, link);
  }
  return link === '' ? undefined : link;
}

// The same address is often linked many times over; '' for one refused.
const LINKS = new Map<string, string>();

/**
 * Raw paragraphs from one Word paragraph, exactly as html.ts's Collector made them from mammoth's HTML: a line break
 * is a space in a heading or list item and ends the paragraph elsewhere (the rest keeps the same role); white space
 * before the first visible text carries no marks or link; a part with no visible text gives nothing. A note
 * reference is a note run (mammoth's "[n]" linked to the notes it wrote after the text, as html.ts reads them).
 */
export function rawParagraphs(pieces: readonly Piece[], role: ParagraphRole, out: RawParagraph[], noteText?: NoteText, anchors: string[] = []): void {
  let runs: RawRun[] = [];
  let hasText = false;
  let listHintGiven = false;
  const flush = () => {
    if (hasText) {
      const paragraph: RawParagraph = { runs };
      if (role.kind === 'heading') paragraph.headingLevel = role.level;
      if (role.kind === 'title') paragraph.isTitle = true;
      if (role.kind === 'list' && !listHintGiven) {
        listHintGiven = true;
        paragraph.list = { kind: role.ordered ? 'number' : 'bullet', indent: role.indent };
      }
      // The bookmarks waiting belong to the first paragraph with text; the array is the caller's, emptied here.
      if (anchors.length > 0) paragraph.anchors = anchors.splice(0);
      out.push(paragraph);
    }
    runs = [];
    hasText = false;
  };
  const text = (value: string, marks: readonly Mark[], href: string | undefined) => {
    const link = linkOf(href);
    // A link within the document (a bookmark's "#name"): structure/anchors.ts makes it a reference or drops it.
    const anchor = link === undefined && href !== undefined && href.startsWith('#') && href.length > 1 ? href.slice(1, 200) : undefined;
    if (value === '') return;
    if (!hasText) {
      if (value.trim() === '') {
        runs.push({ text: value });
        return;
      }
      hasText = true;
    }
    const run: RawRun = { text: value };
    if (marks.length > 0) run.marks = marks;
    if (link !== undefined) run.link = link;
    else if (anchor !== undefined) run.anchor = anchor;
    runs.push(run);
  };
  for (const piece of pieces) {
    if (piece.note !== undefined) {
      if (!noteText) continue;
      // a mark is content, as html.ts reads it: a paragraph of only a mark is kept
      hasText = true;
      runs.push({ text: '', note: noteText(piece.note) });
    } else if (piece.lineBreak) {
      if (role.kind === 'heading' || role.kind === 'list') text(' ', piece.marks, piece.href);
      else flush();
    } else {
      text(piece.text, piece.marks, piece.href);
    }
  }
  flush();
}
