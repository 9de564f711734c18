import { Paragraph, TextRun, commentIdToParaId, type ICommentOptions } from 'docx';
import type { CommentThread } from '../model/document';
import { exportRunLists, type ExportBlock } from './prepare';
import type { ExportRun } from './runs';

/**
 * The document's comment threads as Word comments. A thread and each of its replies is a w:comment (Word keeps a
 * thread as comments linked to their parent in commentsExtended.xml, where a resolved thread is "done"), and each one
 * is anchored: a range from the first run about the thread to the last, closed by its reference mark. A section's
 * comment spans its heading's text. A thread whose text is gone (orphaned) is not left out: it is anchored, as a
 * point, at the start of the body, so Word still shows it.
 */
export class CommentAnchors {
  /** Word's ids (counted from 0) of a thread and its replies, the thread first. */
  private readonly ids = new Map<string, number[]>();
  private readonly starts = new Map<ExportRun, string[]>();
  private readonly ends = new Map<ExportRun, string[]>();
  private readonly sections = new Map<string, string[]>();
  private orphans: string[] = [];
  readonly count: number;

  constructor(
    private readonly threads: readonly CommentThread[],
    blocks: readonly ExportBlock[],
  ) {
    let next = 0;
    for (const thread of threads) this.ids.set(thread.id, [thread, ...(thread.replies ?? [])].map(() => next++));
    this.count = next;
    const anchors = runAnchors(blocks);
    const standingHeadings = new Set(blocks.flatMap((block) => (block.kind === 'heading' && block.change?.kind !== 'move-from' ? [block.id] : [])));
    for (const thread of threads) {
      const anchor = anchors.get(thread.id);
      if (anchor) {
        push(this.starts, anchor.first, thread.id);
        push(this.ends, anchor.last, thread.id);
      } else if (thread.section !== undefined && standingHeadings.has(thread.section)) {
        push(this.sections, thread.section, thread.id);
      } else {
        this.orphans.push(thread.id);
      }
    }
  }

  /** The ranges that open before `run` (w:commentRangeStart). */
  before(run: ExportRun): string {
    return this.opening(this.starts.get(run));
  }

  /** The ranges that close after `run`, each with its reference mark. */
  after(run: ExportRun): string {
    return this.closing(this.ends.get(run));
  }

  /** The ranges around a section's heading: opened before its text, closed after it. */
  aroundSection(sectionId: string): { before: string; after: string } {
    const threads = this.sections.get(sectionId);
    return { before: this.opening(threads), after: this.closing(threads) };
  }

  /** The orphaned threads, as points at the start of the first paragraph of the body (asked for once). */
  takeOrphans(): string {
    const threads = this.orphans;
    this.orphans = [];
    return this.opening(threads) + this.closing(threads);
  }

  /**
   * Whether a thread is resolved in a document without any reply: the `docx` library writes the part that says so
   * only for threads with replies, so the export adds it (docx-comments-extended.ts).
   */
  get resolvedWithoutReplies(): boolean {
    return this.threads.some((thread) => thread.resolved) && !this.threads.some((thread) => (thread.replies ?? []).length > 0);
  }

  /** For each comment, in the order of comments(), whether its thread is resolved. */
  doneFlags(): boolean[] {
    return this.threads.flatMap((thread) => [thread, ...(thread.replies ?? [])].map(() => thread.resolved === true));
  }

  /** The comments part: every thread's comment and its replies', replies linked to it and resolved with it. */
  comments(): ICommentOptions[] {
    // Durable ids make the library give each comment the paragraph id that marking it resolved needs.
    const durable = this.resolvedWithoutReplies;
    return this.threads.flatMap((thread) => {
      const [threadId = 0, ...replyIds] = this.ids.get(thread.id) ?? [];
      const resolved = thread.resolved === true;
      const comment = (entry: Pick<CommentThread, 'by' | 'initials' | 'at' | 'text'>, id: number, parentId?: number): ICommentOptions => ({
        id,
        author: entry.by,
        initials: entry.initials ?? initialsOf(entry.by),
        date: new Date(entry.at),
        children: entry.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
        ...(parentId !== undefined ? { parentId } : {}),
        ...(resolved ? { resolved } : {}),
        ...(durable ? { durableId: commentIdToParaId(id) } : {}),
      });
      return [comment(thread, threadId), ...(thread.replies ?? []).map((reply, i) => comment(reply, replyIds[i] ?? 0, threadId))];
    });
  }

  private opening(threads: readonly string[] | undefined): string {
    if (!threads) return '';
    let xml = '';
    for (const thread of threads) for (const id of this.ids.get(thread) ?? []) xml += `<w:commentRangeStart w:id="${id}"/>`;
    return xml;
  }

  /** Each range's end, then the run that holds its reference mark, where Word shows the comment. */
  private closing(threads: readonly string[] | undefined): string {
    if (!threads) return '';
    let xml = '';
    for (const thread of threads) {
      for (const id of this.ids.get(thread) ?? []) xml += `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    return xml;
  }
}

/** "Dana Reviewer" → "DR": what Word shows in a comment's marker when a person gave no initials. */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('');
  return letters.slice(0, 4).toUpperCase() || '?';
}

/**
 * For each thread, the first and last run about it. Text at the old place of a move counts only when the thread is
 * about nothing else: the comment follows the text to where it is moved.
 */
function runAnchors(blocks: readonly ExportBlock[]): Map<string, { first: ExportRun; last: ExportRun }> {
  const found = new Map<string, { first: ExportRun; last: ExportRun }>();
  const movedAway = new Map<string, { first: ExportRun; last: ExportRun }>();
  for (const block of blocks) {
    const parts = block.kind === 'list' ? block.items : [block];
    for (const part of parts) {
      const into = part.change?.kind === 'move-from' ? movedAway : found;
      for (const runs of exportRunLists(part)) {
        for (const run of runs) {
          for (const id of run.comments ?? []) {
            const anchor = into.get(id);
            if (anchor) anchor.last = run;
            else into.set(id, { first: run, last: run });
          }
        }
      }
    }
  }
  for (const [id, anchor] of movedAway) if (!found.has(id)) found.set(id, anchor);
  return found;
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
