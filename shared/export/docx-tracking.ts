import {
  DeletedTextRun,
  InsertedTextRun,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
  type BaseXmlComponent,
  type IContext,
  type IRunOptions,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import type { BlockChange, SuggestionMark } from '../model/document';
import type { MakeRun } from './docx-runs';
import type { ExportRun } from './runs';

/** What Word writes on every tracked change: its own id in the document, who made it and when. */
export interface Change {
  readonly id: number;
  readonly author: string;
  readonly date: string;
}

/** Word's dates are to the second: the stored moment without its milliseconds. */
const wordDate = (at: string): string => at.replace(/\.\d{1,3}Z$/, 'Z');

/**
 * The open suggestions of a document as Word's tracked changes. Each change Word reads gets an id of its own (Word
 * ids elements, not suggestions: a suggestion over three runs is three w:ins), carrying the suggestion's author and
 * time. The `docx` library writes w:ins, w:del and the formatting changes; moves and an insertion later deleted are
 * written here, as the elements Word itself writes for them.
 */
export class Tracking {
  private next: number;
  private readonly moveNames = new Map<string, string>();

  /** `firstId`: ids below it are taken (by the comments, whose ids Word counts with the changes'). */
  constructor(firstId: number) {
    this.next = firstId;
  }

  change(mark: SuggestionMark): Change {
    return { id: this.next++, author: mark.by, date: wordDate(mark.at) };
  }

  /**
   * How to write a run of a block whose own change is `block`. A block inserted (or a move's new place) makes its
   * text inserted unless a run says otherwise, a block deleted (or a move's old place) its text deleted; a run both
   * inserted and deleted is gone whichever way the changes go, and Word writes it as a deletion inside an insertion.
   */
  maker(run: ExportRun, block: BlockChange | undefined): MakeRun | undefined {
    const blockInserts = block?.kind === 'insert' || block?.kind === 'move-to';
    const blockDeletes = block?.kind === 'delete' || block?.kind === 'move-from';
    const ins = run.ins ?? (blockInserts ? block : undefined);
    const del = run.del ?? (blockDeletes ? block : undefined);
    if (!ins && !del) return undefined;
    const insName = !run.ins && block?.kind === 'move-to' ? 'w:moveTo' : 'w:ins';
    const delName = !run.del && block?.kind === 'move-from' ? 'w:moveFrom' : 'w:del';
    return (options) => {
      if (!del) {
        const inserted = new InsertedTextRun({ ...options, ...this.change(ins as SuggestionMark) });
        return insName === 'w:ins' ? inserted : renamed(insName, inserted);
      }
      const deleted = new DeletedTextRun({ ...options, ...this.change(del) });
      const written = delName === 'w:del' ? deleted : renamed(delName, deleted);
      return ins ? tracked(insName, this.change(ins), [written]) : written;
    };
  }

  /** The formatting a run had before a suggested change of its marks, as Word's w:rPrChange. */
  formatChange(run: ExportRun): Partial<IRunOptions> | undefined {
    const formatted = run.formatted;
    if (!formatted) return undefined;
    const was = formatted.was;
    return {
      revision: {
        ...this.change(formatted),
        ...(was.includes('bold') ? { bold: true } : {}),
        ...(was.includes('italic') ? { italics: true } : {}),
        ...(was.includes('underline') ? { underline: {} } : {}),
      },
    };
  }

  /** The name Word pairs a move's two ranges by: one per suggestion. */
  moveName(suggestion: string): string {
    let name = this.moveNames.get(suggestion);
    if (name === undefined) {
      name = `move${this.moveNames.size + 1}`;
      this.moveNames.set(suggestion, name);
    }
    return name;
  }

  /** The start of a move's range (w:moveFromRangeStart or w:moveToRangeStart) and its end, which shares its id. */
  moveRange(change: BlockChange): { start: ParagraphChild; end: ParagraphChild } {
    const side = change.kind === 'move-from' ? 'moveFrom' : 'moveTo';
    const { id, author, date } = this.change(change);
    return {
      start: child(new Element(`w:${side}RangeStart`, new ChangeAttributes({ id, author, date, name: this.moveName(change.id) }))),
      end: child(new Element(`w:${side}RangeEnd`, new ChangeAttributes({ id }))),
    };
  }
}

/** The run that holds a comment's reference mark, where its range ends. */
export const referenceRun = (reference: XmlComponent): ParagraphChild => new TextRun({ children: [reference] });

// ---------------------------------------------------------------------------------------------------------------------
// Elements the `docx` library does not write

class ChangeAttributes extends XmlAttributeComponent<{ id: number; author?: string; date?: string; name?: string }> {
  protected override readonly xmlKeys = { id: 'w:id', author: 'w:author', date: 'w:date', name: 'w:name' };
}

class Element extends XmlComponent {
  constructor(name: string, ...children: BaseXmlComponent[]) {
    super(name);
    this.root.push(...children);
  }
}

/** `inner` written under another element name, its attributes and content as they are: a w:del as a w:moveFrom. */
class Renamed extends XmlComponent {
  constructor(
    name: string,
    private readonly inner: XmlComponent,
  ) {
    super(name);
  }
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = this.inner.prepForXml(context);
    const key = xml ? Object.keys(xml)[0] : undefined;
    return xml && key !== undefined ? { [this.rootKey]: xml[key] } : xml;
  }
}

const renamed = (name: string, inner: XmlComponent): ParagraphChild => child(new Renamed(name, inner));

/** A tracked change element (w:ins, w:moveTo) around runs that are themselves tracked. */
const tracked = (name: string, change: Change, children: ParagraphChild[]): ParagraphChild =>
  child(new Element(name, new ChangeAttributes(change), ...(children as unknown as BaseXmlComponent[])));

/**
 * A paragraph's children are typed as the `docx` library's own run kinds; the elements above are written the same way
 * (any XmlComponent is), so they are passed as one.
 */
const child = (element: XmlComponent): ParagraphChild => element as unknown as ParagraphChild;
