import type { Block, BlockChange, CommentReply, CommentThread, PolicyDocument, Run, SuggestionMark, Table, TextBlock } from '../../model/document';
import { allRuns, isTable, isTextBlock, mapRunLists } from '../../model/block-runs';
import { MAX_AUTHOR_LENGTH, MAX_COMMENT_LENGTH } from '../../model/vocabulary';
import { mergeRuns } from '../../format/normalize';
import { newSectionId } from '../../model/ids';
import type { ReviewState, Revision } from './mark-document';
import type { WordComment } from './read-comments';
import { SENTINEL, stateOf, withoutSentinels } from './sentinels';

/** Who a change or comment is by when Word does not say. */
export const UNKNOWN_REVIEWER = 'Word reviewer';

export interface ReviewIds {
  suggestion: () => string;
  comment: () => string;
}

/**
 * The imported document with the sentinels its text carries turned back into the suggestions and comments they stand
 * for (mark-document.ts): every run piece takes the state of the sentinel before it, a block whose text is all inserted
 * (or deleted) with its paragraph mark becomes a whole-block insertion (or deletion), a heading moved whole becomes a
 * move pair with one section id, and a comment anchored at a point, not on text, becomes a comment on its section.
 * Titles and details lose their sentinels: they carry no review in the model.
 *
 * A table's caption and cells are read in reading order like paragraphs (the states flow from one to the next as the
 * sentinels stand in document.xml): their runs take their changes cell by cell, and a table all of whose cells are
 * inserted (or deleted) with their paragraph marks is a whole-table insertion (or deletion). A row Word inserted or
 * deleted with track changes is no suggestion of its own in the model: its cells' text is inserted (or deleted), so
 * rejecting an inserted row leaves it empty. A split or join of paragraph marks inside a cell is not kept (a cell is
 * one paragraph), and a table takes part in no split or join of the paragraphs around it.
 */
export function applyReview(
  doc: PolicyDocument,
  states: readonly ReviewState[],
  wordComments: readonly WordComment[],
  ids: ReviewIds,
  fallbackAt: string,
): PolicyDocument {
  const suggestionIds = new Map<string, string>();
  const markOf = (revision: { wordId: string; author: string; date: string; move?: string }, kind: string): SuggestionMark => {
    // both sides of a move are one suggestion: accepting it takes the text from one place to the other
    const key = revision.move !== undefined ? `move\u0000${revision.move}` : `${kind}\u0000${revision.wordId}\u0000${revision.author}\u0000${revision.date}`;
    let id = suggestionIds.get(key);
    if (!id) {
      id = ids.suggestion();
      suggestionIds.set(key, id);
    }
    return { id, by: author(revision.author), at: moment(revision.date, fallbackAt) };
  };

  const threads = commentThreads(wordComments, ids, fallbackAt);
  const points = new Set<string>(); // Word ids of threads anchored at a point, waiting for their section
  const sectionOf = new Map<string, string>();

  let state: ReviewState = {};
  let section: string | undefined;
  const blocks: Block[] = [];
  const joins = new Map<number, Revision>(); // a block (by its place in `blocks`) whose paragraph mark splits or joins
  /** One list of runs read: its pieces, each with the state of the sentinel before it; `cell` when a join cannot stand there. */
  const read = (list: readonly Run[], cell: boolean): Array<{ run: Run; state: ReviewState }> => {
    const runs: Array<{ run: Run; state: ReviewState }> = [];
    for (const run of list) {
      let at = 0;
      const text = run.text;
      const push = (piece: string) => {
        if (piece !== '') runs.push({ run: { ...run, text: piece }, state });
      };
      if (!text.includes('\uFDD0')) {
        push(withoutSentinels(text));
        continue;
      }
      for (const m of text.matchAll(SENTINEL)) {
        push(text.slice(at, m.index));
        state = states[stateOf(m[1] as string)] ?? {};
        if (state.join !== undefined) {
          if (!cell) joins.set(blocks.length, state.join);
          state = {};
        } else if (state.point !== undefined) {
          const thread = threads.byWordId.get(state.point);
          if (thread && section) sectionOf.set(thread.id, section);
          if (thread) points.add(thread.id);
          state = {};
        }
        at = m.index + m[0].length;
      }
      push(withoutSentinels(text.slice(at)));
    }
    return tidy(runs);
  };
  for (const block of doc.blocks) {
    if (block.kind === 'heading') section = block.id;
    if (isTable(block)) {
      blocks.push(reviewedTable(block, (list) => read(list, true), markOf, threads.byWordId));
      continue;
    }
    const pieces = read(block.runs, false);
    if (pieces.length === 0) {
      joins.delete(blocks.length);
      continue;
    }
    blocks.push(reviewedBlock(block, pieces, markOf, threads.byWordId));
  }
  const joined = splitsAndJoins(blocks, joins, markOf);
  blocks.splice(0, blocks.length, ...joined);
  pairMoves(blocks);

  const anchored = new Set(blocks.flatMap((b) => allRuns(b).flatMap((r) => r.comments ?? [])));
  const comments = threads.list.map((thread) => {
    const at = sectionOf.get(thread.id);
    return !anchored.has(thread.id) && points.has(thread.id) && at ? { ...thread, section: at } : thread;
  });
  const out: PolicyDocument = {
    ...doc,
    title: withoutSentinels(doc.title).trim() || doc.title.replace(/[\uFDD0-\uFDEF]/g, '') || 'Untitled',
    versionLabel: withoutSentinels(doc.versionLabel),
    owner: withoutSentinels(doc.owner),
    blocks,
  };
  if (comments.length > 0) out.comments = comments;
  else delete out.comments;
  return out;
}

/** Pieces with white space folded where two met and trimmed at the block's ends, as the import left the text. */
function tidy(pieces: Array<{ run: Run; state: ReviewState }>): Array<{ run: Run; state: ReviewState }> {
  const out: Array<{ run: Run; state: ReviewState }> = [];
  for (const piece of pieces) {
    let text = piece.run.text;
    const last = out[out.length - 1];
    if ((!last || /\s$/.test(last.run.text)) && /^\s/.test(text)) text = text.replace(/^\s+/, '');
    if (text !== '') out.push({ run: { ...piece.run, text }, state: piece.state });
  }
  while (out.length > 0) {
    const last = out[out.length - 1] as { run: Run };
    last.run.text = last.run.text.replace(/\s+$/, '');
    if (last.run.text !== '') break;
    out.pop();
  }
  return out;
}

type MarkOf = (revision: Revision | { wordId: string; author: string; date: string }, kind: string) => SuggestionMark;

type Pieces = Array<{ run: Run; state: ReviewState }>;

/** The pieces' runs, each with the changes and comments of its state. */
function reviewedRuns(pieces: Pieces, markOf: MarkOf, threads: Map<string, CommentThread>): Run[] {
  return pieces.map(({ run, state }) => {
    const next: Run = { ...run };
    if (state.ins) next.ins = markOf(state.ins, 'ins');
    if (state.del) next.del = markOf(state.del, 'del');
    if (next.ins && next.del && next.ins.id === next.del.id) delete next.del;
    if (state.formatted) next.formatted = { ...markOf(state.formatted, 'format'), was: [...state.formatted.was] };
    const commentIds = [...new Set((state.comments ?? []).flatMap((wordId) => threads.get(wordId)?.id ?? []))];
    if (commentIds.length > 0) next.comments = commentIds;
    return next;
  });
}

/** Whether every piece is inserted (or deleted) with its paragraph mark: the whole paragraph (or cell) is. */
function wholly(pieces: Pieces, kind: 'insert' | 'delete'): boolean {
  return pieces.every(({ state }) => state.block === kind && (kind === 'insert' ? state.ins : state.del) !== undefined);
}

/**
 * A table with its caption's and cells' runs read (`read`, in reading order) and reviewed; inserted or deleted whole
 * when every cell is, with text in one at least.
 */
function reviewedTable(table: Table, read: (runs: readonly Run[]) => Pieces, markOf: MarkOf, threads: Map<string, CommentThread>): Table {
  const all: Pieces = [];
  let next = mapRunLists(table, (runs) => {
    const pieces = read(runs);
    all.push(...pieces);
    return mergeRuns(reviewedRuns(pieces, markOf, threads));
  });
  for (const kind of ['insert', 'delete'] as const) {
    if (all.length === 0 || !wholly(all, kind)) continue;
    const field = kind === 'insert' ? 'ins' : 'del';
    const first = allRuns(next).find((run) => run[field])?.[field] as SuggestionMark;
    const moved = all[0]?.state[field]?.move !== undefined;
    const change: BlockChange = { ...first, kind: moved ? (kind === 'insert' ? 'move-to' : 'move-from') : kind };
    next = { ...mapRunLists(next, (runs) => mergeRuns(runs.map((run) => ({ ...run, [field]: first })))), change };
    break;
  }
  return next;
}

function reviewedBlock(block: TextBlock, pieces: Pieces, markOf: MarkOf, threads: Map<string, CommentThread>): Block {
  let next: TextBlock = { ...block, runs: mergeRuns(reviewedRuns(pieces, markOf, threads)) };
  // a heading promoted or demoted with track changes on: the level it had
  const relevel = pieces.find(({ state }) => state.relevel)?.state.relevel;
  if (relevel && next.kind === 'heading' && relevel.was !== next.level) next = { ...next, relevel: { ...markOf(relevel, 'level'), was: relevel.was } };
  // A paragraph inserted (or deleted) whole: every piece so, with its paragraph mark
  for (const kind of ['insert', 'delete'] as const) {
    if (!wholly(pieces, kind)) continue;
    const field = kind === 'insert' ? 'ins' : 'del';
    const first = (next.runs[0] as Run)[field] as SuggestionMark;
    const revision = pieces[0]?.state[field];
    const moved = revision?.move !== undefined;
    const change: BlockChange = { ...first, kind: moved ? (kind === 'insert' ? 'move-to' : 'move-from') : kind };
    next = { ...next, change, runs: mergeRuns(next.runs.map((run) => ({ ...run, [field]: first }))) };
    break;
  }
  return next;
}

/**
 * Paragraphs a tracked paragraph mark splits (Enter typed inside one) or joins (a mark deleted between two), which the
 * model cannot hold as such: the paragraphs as they stood before are suggested for deletion and as they stand after
 * for insertion, by that change. Accepting everything gives Word's accepted paragraphs, rejecting everything Word's
 * rejected ones; the tracked changes inside keep their own marks on the runs.
 */
function splitsAndJoins(blocks: readonly Block[], joins: ReadonlyMap<number, Revision>, markOf: MarkOf): Block[] {
  if (joins.size === 0) return [...blocks];
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; ) {
    const group: Block[] = [blocks[i] as Block];
    const marks: Revision[] = [];
    let j = i;
    // a paragraph inserted or deleted whole after the mark is that paragraph's own change, not a split or a join
    while (joins.has(j) && j + 1 < blocks.length && !(blocks[j + 1] as Block).change && !(blocks[j] as Block).change && isTextBlock(blocks[j] as Block) && isTextBlock(blocks[j + 1] as Block)) {
      marks.push(joins.get(j) as Revision);
      group.push(blocks[j + 1] as Block);
      j++;
    }
    out.push(...(group.length === 1 ? group : regroup(group as TextBlock[], marks, markOf)));
    i = j + 1;
  }
  return out;
}

function regroup(group: readonly TextBlock[], marks: readonly Revision[], markOf: MarkOf): Block[] {
  const first = marks[0] as Revision;
  const mark = markOf(first, first.kind);
  const carriers = (side: 'before' | 'after'): Block[] => {
    const result: Block[] = [];
    let current: { block: TextBlock; runs: Run[]; from: TextBlock } | null = null;
    group.forEach((block, k) => {
      for (const run of block.runs) {
        if (side === 'before' ? run.ins : run.del) continue;
        const next = side === 'before' ? { ...run, del: run.del ?? mark } : { ...run, ins: run.ins ?? mark };
        if (!current) current = { block, runs: [], from: block };
        else if (current.from !== block) {
          // two paragraphs' texts meet: the space the import trimmed from their ends comes back
          const last = current.runs[current.runs.length - 1] as Run;
          if (!/\s$/.test(last.text) && !/^\s/.test(next.text)) current.runs[current.runs.length - 1] = { ...last, text: `${last.text} ` };
          current.from = block;
        }
        current.runs.push(next);
      }
      const between = marks[k];
      // before the changes a deleted mark stands and an inserted one does not; after them, the other way round
      const breaks = between !== undefined && (side === 'before' ? between.kind === 'del' : between.kind === 'ins');
      if ((breaks || between === undefined) && current) {
        const kind = side === 'before' ? 'delete' : 'insert';
        let carrier: Block = { ...current.block, runs: mergeRuns(current.runs), change: { ...mark, kind } };
        delete (carrier as { relevel?: unknown }).relevel;
        if (carrier.kind === 'heading' && side === 'after') carrier = { ...carrier, id: newSectionId() };
        result.push(carrier);
        current = null;
      }
    });
    return result;
  };
  return [...carriers('before'), ...carriers('after')];
}

/** A heading moved whole stands at both places with one section id: the new place takes the old one's. */
function pairMoves(blocks: Block[]): void {
  const from = new Map<string, string>();
  for (const block of blocks) if (block.kind === 'heading' && block.change?.kind === 'move-from') from.set(block.change.id, block.id);
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading' || block.change?.kind !== 'move-to') return;
    const id = from.get(block.change.id);
    if (id !== undefined) {
      blocks[index] = { ...block, id };
      from.delete(block.change.id);
    }
  });
}

/** Threads from Word's comments: a reply joins the thread of the comment it answers (however deep), done marks resolved. */
function commentThreads(comments: readonly WordComment[], ids: ReviewIds, fallbackAt: string) {
  const byWordId = new Map<string, CommentThread>();
  const list: CommentThread[] = [];
  const all = new Map(comments.map((c) => [c.wordId, c]));
  const rootOf = (comment: WordComment): WordComment => {
    let current = comment;
    const seen = new Set<string>();
    while (current.parent !== undefined && !seen.has(current.wordId)) {
      seen.add(current.wordId);
      const parent = all.get(current.parent);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  for (const comment of comments) {
    if (rootOf(comment) !== comment) continue;
    const thread: CommentThread = { id: ids.comment(), by: author(comment.author), at: moment(comment.date, fallbackAt), text: commentText(comment.text) };
    const initials = comment.initials.trim().slice(0, 12);
    if (initials) thread.initials = initials;
    if (comment.done) thread.resolved = true;
    byWordId.set(comment.wordId, thread);
    list.push(thread);
  }
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root === comment) continue;
    const thread = byWordId.get(root.wordId);
    if (!thread) continue;
    const reply: CommentReply = { id: ids.comment(), by: author(comment.author), at: moment(comment.date, fallbackAt), text: commentText(comment.text) };
    const initials = comment.initials.trim().slice(0, 12);
    if (initials) reply.initials = initials;
    thread.replies = [...(thread.replies ?? []), reply];
    byWordId.set(comment.wordId, thread);
  }
  return { byWordId, list };
}

function author(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f\uFFFE\uFFFF]/g, '').trim();
  return clean === '' ? UNKNOWN_REVIEWER : clean.slice(0, MAX_AUTHOR_LENGTH);
}

function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters other than the line break are removed
  const clean = text.replace(/[\u0000-\u0009\u000b-\u001f\uFFFE\uFFFF]/g, '').trim();
  return (clean === '' ? '(empty comment)' : clean).slice(0, MAX_COMMENT_LENGTH);
}

/**
 * A Word date as a UTC moment. Word writes w:date as local time marked Z; LibreOffice and others may leave the zone
 * out, which is read as UTC (there is nothing better to read it as). A missing or impossible date becomes `fallback`.
 */
export function moment(date: string, fallback: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(date.trim());
  if (!m) return fallback;
  const time = (m[2] as string).length === 5 ? `${m[2]}:00` : (m[2] as string);
  const parsed = Date.parse(`${m[1]}T${time}${m[3] ?? 'Z'}`);
  if (Number.isNaN(parsed) || parsed < 0) return fallback;
  return `${new Date(parsed).toISOString().slice(0, 19)}Z`;
}
