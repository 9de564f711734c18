import type { BlockChange, SuggestionMark } from '../model/document';
import { runMarks, type RunTracking } from './docx-run-xml';
import { escapeXml } from './docx-xml';
import type { ExportRun } from './runs';

/** What Word writes on every tracked change: its own id in the document, who made it and when. */
export interface Change {
  readonly id: number;
  readonly author: string;
  readonly date: string;
}

/** Word's dates are to the second: the stored moment without its milliseconds. */
const wordDate = (at: string): string => at.replace(/\.\d{1,3}Z$/, 'Z');

/** A change's attributes: ` w:id="…" w:author="…" w:date="…"`. */
export const changeAttributes = (change: Change): string =>
  ` w:id="${change.id}" w:author="${escapeXml(change.author)}" w:date="${escapeXml(change.date)}"`;

/**
 * The open suggestions of a document as Word's tracked changes. Each change Word reads gets an id of its own (Word
 * ids elements, not suggestions: a suggestion over three runs is three w:ins), carrying the suggestion's author and
 * time: w:ins and w:del around runs, w:moveFrom and w:moveTo for a move, a deletion inside an insertion for text
 * inserted and then deleted, and w:rPrChange for changed marks.
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
   * How to write a run of a block whose own change is `block`, or undefined when the run is not tracked. A block
   * inserted (or a move's new place) makes its text inserted unless a run says otherwise, a block deleted (or a move's
   * old place) its text deleted; a run both inserted and deleted is gone whichever way the changes go, and Word writes
   * it as a deletion inside an insertion.
   */
  run(run: ExportRun, block: BlockChange | undefined): RunTracking | undefined {
    const blockInserts = block?.kind === 'insert' || block?.kind === 'move-to';
    const blockDeletes = block?.kind === 'delete' || block?.kind === 'move-from';
    const ins = run.ins ?? (blockInserts ? block : undefined);
    const del = run.del ?? (blockDeletes ? block : undefined);
    const formatted = run.formatted;
    if (!ins && !del && !formatted) return undefined;
    const insName = !run.ins && block?.kind === 'move-to' ? 'w:moveTo' : 'w:ins';
    const delName = !run.del && block?.kind === 'move-from' ? 'w:moveFrom' : 'w:del';
    return {
      deleted: del !== undefined,
      around: () => {
        if (del) {
          // The deletion is numbered first, then the insertion around it.
          const inner = `<${delName}${changeAttributes(this.change(del))}>`;
          if (!ins) return [inner, `</${delName}>`];
          return [`<${insName}${changeAttributes(this.change(ins))}>${inner}`, `</${delName}></${insName}>`];
        }
        if (ins) return [`<${insName}${changeAttributes(this.change(ins))}>`, `</${insName}>`];
        return ['', ''];
      },
      formatChange: () => {
        if (!formatted) return '';
        const change = changeAttributes(this.change(formatted));
        const was = formatted.was;
        const before = runMarks(was.includes('bold'), was.includes('italic'), was.includes('underline'), was.includes('superscript') ? 'superscript' : was.includes('subscript') ? 'subscript' : undefined);
        return before === '' ? `<w:rPrChange${change}/>` : `<w:rPrChange${change}><w:rPr>${before}</w:rPr></w:rPrChange>`;
      },
    };
  }

  /** A paragraph mark tracked with its block: `<w:ins …/>` (or w:del, w:moveFrom, w:moveTo) for the mark's w:rPr. */
  mark(change: BlockChange): string {
    const name = { insert: 'w:ins', 'move-to': 'w:moveTo', delete: 'w:del', 'move-from': 'w:moveFrom' }[change.kind];
    return `<${name}${changeAttributes(this.change(change))}/>`;
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
  moveRange(change: BlockChange): { start: string; end: string } {
    const side = change.kind === 'move-from' ? 'moveFrom' : 'moveTo';
    const tracked = this.change(change);
    return {
      start: `<w:${side}RangeStart${changeAttributes(tracked)} w:name="${escapeXml(this.moveName(change.id))}"/>`,
      end: `<w:${side}RangeEnd w:id="${tracked.id}"/>`,
    };
  }
}
