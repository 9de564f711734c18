import type { BlockChange, SuggestionMark } from '../model/document';
import type { BodyContext, Form, ListIds } from './docx-body';
import type { CommentAnchors } from './docx-comments';
import { runXml } from './docx-run-xml';
import { tableXml } from './docx-table';
import type { Tracking } from './docx-tracking';
import { changeAttributes } from './docx-tracking';
import type { ExportRun } from './runs';
import type { ExportTable } from './prepare';

/** What the body writer needs to write a document's suggestions and comments. */
export interface Review {
  readonly tracking: Tracking;
  readonly comments: CommentAnchors;
}

/** One paragraph to write: a heading, a paragraph or a list item, with its open suggestions. */
export interface WrittenPart {
  readonly change: BlockChange | undefined;
  readonly runs: readonly ExportRun[];
  /** Its style and list place; none for a body paragraph. */
  readonly form?: Form;
  /** Its form before the suggestions, when a suggestion changed it, and whose suggestion that is. */
  readonly was?: { readonly form: Form; readonly by: SuggestionMark };
  /** A heading's section id: a comment on the whole section spans its text. */
  readonly section?: string;
  /** The name of the bookmark around its text (a heading's, for the table of contents). */
  readonly bookmark?: string;
}

/** A table to write among the paragraphs (docx-table.ts); its change is its own, tracked row by row. */
export interface WrittenTable {
  readonly table: ExportTable;
}

export type BodyPart = WrittenPart | WrittenTable;

const isTable = (part: BodyPart | undefined): part is WrittenTable => part !== undefined && 'table' in part;
/** A part's change as the move ranges see it: a table is never part of a move range. */
const changeOf = (part: BodyPart | undefined): BlockChange | undefined => (part === undefined || isTable(part) ? undefined : part.change);

/**
 * The paragraphs (and tables), as WordprocessingML text, with their suggestions as Word's tracked changes when there is a
 * `review`. A block inserted or deleted has its paragraph mark inserted or deleted too, so accepting or rejecting
 * removes the paragraph and leaves no empty one behind; a moved block is Word's move, its old and new places ranges of
 * the same name, its mark moved too (w:moveFrom or w:moveTo in the mark's run properties); a changed level or heading
 * depth keeps the old style and list level as a paragraph formatting change (w:pPrChange).
 *
 * Word never removes a document's last paragraph mark, so a changed last block would leave its paragraph behind,
 * empty, when rejected (or accepted): an empty paragraph follows it instead, which stays whatever is decided.
 *
 * The text is handed to `write` in chunks as it is made. Ids are taken in the order Word numbers what they mark: a move's range, then the runs, the formatting change, the
 * paragraph mark.
 */
export async function writeParagraphs(
  parts: readonly BodyPart[],
  pageBreakBefore: boolean,
  context: BodyContext,
  review: Review | undefined,
  write: (xml: string) => Promise<void>,
): Promise<void> {
  const tracking = review?.tracking;
  const comments = review?.comments;
  let openRange: { start: string; end: string } | undefined;
  let xml = '';
  for (let index = 0; index < parts.length; index++) {
    const written = parts[index] as BodyPart;
    let children = comments && index === 0 ? comments.takeOrphans() : '';
    if (isTable(written)) {
      // Two tables back to back would be one to Word: a paragraph keeps them apart (the caption, or an empty one).
      if (children !== '' || (isTable(parts[index - 1]) && !written.table.caption)) xml += `<w:p>${children}</w:p>`;
      const runs = (list: readonly ExportRun[], change: BlockChange | undefined) => runsXml(list, change, context, review);
      xml += tableXml(written.table, runs, tracking, index === 0 && pageBreakBefore);
      continue;
    }
    const part = written;
    const change = tracking ? part.change : undefined;

    let closing = '';
    if (tracking && (change?.kind === 'move-from' || change?.kind === 'move-to')) {
      const previous = changeOf(parts[index - 1]);
      const next = changeOf(parts[index + 1]);
      // A range opens in the first paragraph of a move and closes, under the same id, in its last.
      if (!(previous?.id === change.id && previous.kind === change.kind)) {
        openRange = tracking.moveRange(change);
        children += openRange.start;
      }
      if (!(next?.id === change.id && next.kind === change.kind)) closing = openRange?.end ?? '';
    }
    children += textXml(part, context, review) + closing;
    xml += paragraphXml(part, index === 0 && pageBreakBefore, context.lists, children, tracking, change);
    if (xml.length >= CHUNK) {
      await write(xml);
      xml = '';
    }
  }
  // Word ends a body with a paragraph, after a table too.
  if ((tracking && changeOf(parts[parts.length - 1])) || isTable(parts[parts.length - 1])) xml += '<w:p/>';
  await write(xml);
}

// Text handed on a megabyte or so at a time: deflated while the next is written, never all held twice.
const CHUNK = 1 << 20;

/** A paragraph's text: its runs (with their comments), in its bookmark, in its section's comments. */
function textXml(part: WrittenPart, context: BodyContext, review: Review | undefined): string {
  let runs = runsXml(part.runs, part.change, context, review);
  if (part.bookmark !== undefined) {
    const id = context.bookmarkId();
    runs = `<w:bookmarkStart w:name="${part.bookmark}" w:id="${id}"/>${runs}<w:bookmarkEnd w:id="${id}"/>`;
  }
  if (review && part.section !== undefined) {
    const section = review.comments.aroundSection(part.section);
    runs = section.before + runs + section.after;
  }
  return runs;
}

/** Runs with their comments, tracked with their block's `change`. */
export function runsXml(list: readonly ExportRun[], change: BlockChange | undefined, context: BodyContext, review: Review | undefined): string {
  let runs = '';
  for (const original of list) {
    // A footnote has one mark, where the block now is: the old place of a moved block shows its number, raised.
    const run = original.note !== undefined && change?.kind === 'move-from' ? withoutNote(original) : original;
    if (review) {
      runs += review.comments.before(run);
      runs += runXml(run, context.links, review.tracking.run(run, change));
      runs += review.comments.after(run);
    } else {
      runs += runXml(run, context.links);
    }
  }
  return runs;
}

function withoutNote(run: ExportRun): ExportRun {
  const { note: _mark, ...text } = run;
  return { ...text, script: 'superscript' };
}

/** The paragraph around its content: style, page break, list place, tracked mark and former form, in Word's order. */
function paragraphXml(part: WrittenPart, pageBreak: boolean, lists: ListIds, children: string, tracking: Tracking | undefined, change: BlockChange | undefined): string {
  let properties = (part.form ? formXml(part.form, lists, pageBreak) : pageBreak ? '<w:pageBreakBefore/>' : '');
  // The former form's change is numbered before the mark's.
  const was = tracking && part.was ? `<w:pPrChange${changeAttributes(tracking.change(part.was.by))}><w:pPr>${formXml(part.was.form, lists, false)}</w:pPr></w:pPrChange>` : '';
  if (tracking && change) properties += `<w:rPr>${tracking.mark(change)}</w:rPr>`;
  properties += was;
  const content = (properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`) + children;
  return content === '' ? '<w:p/>' : `<w:p>${content}</w:p>`;
}

function formXml(form: Form, lists: ListIds, pageBreak: boolean): string {
  const { reference, instance, level } = form.list;
  const numId = form.unlisted ? 0 : lists.numId(reference, instance);
  // The style's own indent goes with its numbering: an unlisted heading starts at the margin, as Word puts it.
  const indent = form.unlisted ? '<w:ind w:left="0" w:hanging="0"/>' : '';
  return (
    `<w:pStyle w:val="${form.style}"/>` +
    (pageBreak ? '<w:pageBreakBefore/>' : '') +
    `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>` +
    indent
  );
}
