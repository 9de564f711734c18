import type { BlockChange, SuggestionMark } from '../model/document';
import type { BodyContext, Form, ListIds } from './docx-body';
import type { CommentAnchors } from './docx-comments';
import { runXml } from './docx-run-xml';
import type { Tracking } from './docx-tracking';
import { changeAttributes } from './docx-tracking';
import type { ExportRun } from './runs';

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

/**
 * The paragraphs, as WordprocessingML text, with their suggestions as Word's tracked changes when there is a
 * `review`. A block inserted or deleted has its paragraph mark inserted or deleted too, so accepting or rejecting
 * removes the paragraph and leaves no empty one behind; a moved block is Word's move, its old and new places ranges of
 * the same name, its mark moved too (w:moveFrom or w:moveTo in the mark's run properties); a changed level or heading
 * depth keeps the old style and list level as a paragraph formatting change (w:pPrChange).
 *
 * Word never removes a document's last paragraph mark, so a changed last block would leave its paragraph behind,
 * empty, when rejected (or accepted): an empty paragraph follows it instead, which stays whatever is decided.
 *
 * Ids are taken in the order Word numbers what they mark: a move's range, then the runs, the formatting change, the
 * paragraph mark.
 */
export function paragraphsXml(parts: readonly WrittenPart[], pageBreakBefore: boolean, context: BodyContext, review?: Review): string {
  const tracking = review?.tracking;
  const comments = review?.comments;
  let openRange: { start: string; end: string } | undefined;
  let xml = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as WrittenPart;
    const change = tracking ? part.change : undefined;
    let children = comments && index === 0 ? comments.takeOrphans() : '';

    let closing = '';
    if (tracking && (change?.kind === 'move-from' || change?.kind === 'move-to')) {
      const previous = parts[index - 1]?.change;
      const next = parts[index + 1]?.change;
      // A range opens in the first paragraph of a move and closes, under the same id, in its last.
      if (!(previous?.id === change.id && previous.kind === change.kind)) {
        openRange = tracking.moveRange(change);
        children += openRange.start;
      }
      if (!(next?.id === change.id && next.kind === change.kind)) closing = openRange?.end ?? '';
    }
    children += textXml(part, context, review) + closing;
    xml += paragraphXml(part, index === 0 && pageBreakBefore, context.lists, children, tracking, change);
  }
  if (tracking && parts[parts.length - 1]?.change) xml += '<w:p/>';
  return xml;
}

/** A paragraph's text: its runs (with their comments), in its bookmark, in its section's comments. */
function textXml(part: WrittenPart, context: BodyContext, review: Review | undefined): string {
  let runs = '';
  for (const run of part.runs) {
    if (review) {
      runs += review.comments.before(run);
      runs += runXml(run, context.links, review.tracking.run(run, part.change));
      runs += review.comments.after(run);
    } else {
      runs += runXml(run, context.links);
    }
  }
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
  return (
    `<w:pStyle w:val="${form.style}"/>` +
    (pageBreak ? '<w:pageBreakBefore/>' : '') +
    `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${lists.numId(reference, instance)}"/></w:numPr>`
  );
}
