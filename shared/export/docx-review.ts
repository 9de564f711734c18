import { Paragraph, type IContext, type IParagraphOptions, type IXmlableObject, type ParagraphChild } from 'docx';
import type { BlockChange, SuggestionMark } from '../model/document';
import type { CommentAnchors } from './docx-comments';
import { docxRun } from './docx-runs';
import type { Tracking } from './docx-tracking';
import type { ExportRun } from './runs';

/** What the body writer needs to write a document's suggestions and comments. */
export interface Review {
  readonly tracking: Tracking;
  readonly comments: CommentAnchors;
}

type Form = Pick<IParagraphOptions, 'heading' | 'numbering'>;

/** One paragraph to write: a heading, a paragraph or a list item, with its open suggestions. */
export interface ReviewedPart {
  readonly change: BlockChange | undefined;
  readonly runs: readonly ExportRun[];
  readonly form: Form;
  /** Its form before the suggestions, when a suggestion changed it, and whose suggestion that is. */
  readonly was?: { readonly form: Form; readonly by: SuggestionMark };
  /** A heading's section id: a comment on the whole section spans its text. */
  readonly section?: string;
  readonly bookmark?: (children: ParagraphChild[]) => ParagraphChild;
}

/**
 * The paragraphs with their suggestions as Word's tracked changes. A block inserted or deleted has its paragraph mark
 * inserted or deleted too, so accepting or rejecting removes the paragraph and leaves no empty one behind; a moved
 * block is Word's move, its old and new places ranges of the same name; a changed level or heading depth keeps the
 * old style and list level as a paragraph formatting change (w:pPrChange).
 *
 * Word never removes a document's last paragraph mark, so a changed last block would leave its paragraph behind,
 * empty, when rejected (or accepted): an empty paragraph follows it instead, which stays whatever is decided.
 */
export function reviewedParagraph(parts: readonly ReviewedPart[], pageBreakBefore: boolean, review: Review): Paragraph[] {
  const { tracking, comments } = review;
  let openRange: { start: ParagraphChild; end: ParagraphChild } | undefined;
  const out = parts.map((part, index) => {
    const change = part.change;
    const previous = parts[index - 1]?.change;
    const next = parts[index + 1]?.change;
    const moving = change?.kind === 'move-from' || change?.kind === 'move-to';
    const opensMove = moving && !(previous?.id === change.id && previous.kind === change.kind);
    const closesMove = moving && !(next?.id === change.id && next.kind === change.kind);
    // A range opens in the first paragraph of a move and closes, under the same id, in its last.
    if (opensMove) openRange = tracking.moveRange(change);
    const range = moving ? openRange : undefined;

    const runs: ParagraphChild[] = [];
    for (const run of part.runs) {
      runs.push(...comments.before(run));
      runs.push(...docxRun(run, tracking.maker(run, change), tracking.formatChange(run)));
      runs.push(...comments.after(run));
    }
    const section = part.section !== undefined ? comments.aroundSection(part.section) : { before: [], after: [] };
    const text = part.bookmark ? [part.bookmark(runs)] : runs;
    const children = [
      ...(index === 0 ? comments.takeOrphans() : []),
      ...(range && opensMove ? [range.start] : []),
      ...section.before,
      ...text,
      ...section.after,
      ...(range && closesMove ? [range.end] : []),
    ];
    const options: IParagraphOptions = {
      ...(pageBreakBefore && index === 0 ? { pageBreakBefore: true } : {}),
      ...part.form,
      ...(part.was ? { revision: { ...part.was.form, ...tracking.change(part.was.by) } } : {}),
      ...(change ? { run: change.kind === 'insert' || change.kind === 'move-to' ? { insertion: tracking.change(change) } : { deletion: tracking.change(change) } } : {}),
      children,
    };
    return moving ? new MovedParagraph(options, change.kind === 'move-from' ? 'w:moveFrom' : 'w:moveTo') : new Paragraph(options);
  });
  if (parts[parts.length - 1]?.change) out.push(new Paragraph({}));
  return out;
}

/**
 * A paragraph at either place of a move: its mark is tracked as moved (w:moveFrom or w:moveTo in its mark's run
 * properties, as Word writes a moved paragraph), which the `docx` library can only write as a deletion or insertion.
 */
class MovedParagraph extends Paragraph {
  constructor(
    options: IParagraphOptions,
    private readonly mark: 'w:moveFrom' | 'w:moveTo',
  ) {
    super(options);
  }
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const markProperties = childOf(childOf(xml, 'w:p'), 'w:pPr');
    const runProperties = childOf(markProperties, 'w:rPr');
    if (Array.isArray(runProperties)) {
      for (const entry of runProperties as Array<Record<string, unknown>>) {
        const key = this.mark === 'w:moveFrom' ? 'w:del' : 'w:ins';
        if (entry && typeof entry === 'object' && key in entry) {
          entry[this.mark] = entry[key];
          delete entry[key];
        }
      }
    }
    return xml;
  }
}

/** The content of the element `name` in an XML tree as the `docx` library builds it before writing. */
function childOf(node: unknown, name: string): unknown {
  if (node && typeof node === 'object' && !Array.isArray(node) && name in node) return (node as Record<string, unknown>)[name];
  if (Array.isArray(node)) {
    for (const entry of node) if (entry && typeof entry === 'object' && name in entry) return (entry as Record<string, unknown>)[name];
  }
  return undefined;
}
