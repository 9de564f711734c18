/**
 * Find and replace in one open document: the query, its matches over the whole document (drawn or not), which one is
 * current, and the edits. A store the find bar reads (useSyncExternalStore), so typing in the bar re-renders the bar
 * alone, never the editor.
 *
 * What it costs: a search reads each block's text once and keeps its matches beside the block (Slate's blocks are
 * immutable), so searching again after an edit reads only the edited block. It runs after a pause (SEARCH_DELAY_MS),
 * never per key, and only while the bar is open.
 */
import { Editor, Range, Transforms, type BaseRange } from 'slate';
import { ReactEditor } from 'slate-react';
import type { DocumentSummary } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import {
  compileQuery,
  countInBlocks,
  escapeRegExp,
  keptSentence,
  matchOffsets,
  planReplaceAll,
  replacementFor,
  type FindOptions,
  type FindQuery,
  type TextMatch,
} from '../../shared/find/find';
import { isLocked } from '../editor/clause-lock';
import type { FeatureHost } from '../editor/editor-feature';
import { scrollBlockToTop } from '../editor/scrolling';
import type { BlockElement } from '../editor/types';
import { blockText, rangeOf } from './block-text';
import { clearHighlights, paintHighlights } from './find-highlights';
import { applyReplacements } from './replace-text';

/** The pause after typing (in the bar or the document) before searching again. */
export const SEARCH_DELAY_MS = 150;

export interface FindState {
  open: boolean;
  /** The replace field shows (Ctrl+H). */
  replacing: boolean;
  query: FindQuery;
  replacement: string;
  matches: readonly TextMatch[];
  /** The match gone to last, or -1 before going to any. */
  current: number;
  /** Why the query cannot be searched (a broken regular expression), or ''. */
  problem: string;
  /** What the last replace did, or ''. */
  notice: string;
  /** Bumped to ask the bar to take the focus and select its field. */
  focusRequest: number;
  /** The counts in the project's documents for the query, once asked for; null when not asked or the query changed. */
  project: ProjectCounts | null;
}

export interface ProjectCounts {
  busy: boolean;
  rows: ReadonlyArray<{ id: string; title: string; count: number; problem?: string }>;
}

/** What the app gives find for searching the project's other documents. */
export interface FindTools {
  documents: readonly DocumentSummary[];
  currentId: string;
  /** A document as saved (the others are saved as the person leaves them; the open one is read from the editor). */
  load(id: string): Promise<PolicyDocument>;
  /** Opens another document, with the find bar on this query at its first match. */
  openAt(id: string, query: FindQuery): void;
}

const CLOSED: FindState = {
  open: false,
  replacing: false,
  query: { text: '', matchCase: false, wholeWord: false, regex: false },
  replacement: '',
  matches: [],
  current: -1,
  problem: '',
  notice: '',
  focusRequest: 0,
  project: null,
};

type Listener = () => void;

export class FindSession {
  private state: FindState = CLOSED;
  private readonly listeners = new Set<Listener>();
  /** Each block's matches for the query searched last, as offsets: start and end of each in turn (matchOffsets). */
  private cache = new WeakMap<object, readonly number[]>();
  private cachedFor = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Where the caret was when the bar opened: Esc goes back there unless a match was gone to since. */
  private returnTo: BaseRange | null = null;
  /** Set by the app, for finding in the project's other documents. */
  tools: FindTools | null = null;

  constructor(private readonly host: FeatureHost) {}

  get editor() {
    return this.host.editor;
  }

  read = (): FindState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<FindState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  /** Ctrl+F or Ctrl+H: opens the bar (or brings the focus back to it), with the selected words as the query. */
  open(replacing: boolean): void {
    const seed = this.selectedWords();
    if (!this.state.open) this.returnTo = this.editor.selection;
    // With regular expressions on, the selected words are sought as they are, as VS Code does.
    const text = seed !== null && this.state.query.regex ? escapeRegExp(seed) : seed;
    const query = text !== null ? { ...this.state.query, text } : this.state.query;
    this.set({ open: true, replacing: replacing || (this.state.open && this.state.replacing), query, focusRequest: this.state.focusRequest + 1, notice: '' });
    this.searchNow();
  }

  /** Esc: closes the bar and gives the focus back to the document, where the caret was or at the match gone to. */
  close(): void {
    if (!this.state.open) return;
    this.cancelSearch();
    clearHighlights();
    this.set({ open: false, matches: [], current: -1, notice: '', problem: '' });
    const editor = this.editor;
    if (this.returnTo && !editor.selection) Transforms.select(editor, this.returnTo);
    this.returnTo = null;
    ReactEditor.focus(editor);
  }

  setQuery(text: string): void {
    this.set({ query: { ...this.state.query, text }, current: -1, notice: '', project: null });
    this.searchSoon();
  }

  setOption(option: keyof FindOptions, value: boolean): void {
    this.set({ query: { ...this.state.query, [option]: value }, current: -1, notice: '', project: null });
    this.searchNow();
  }

  setReplacement(replacement: string): void {
    this.set({ replacement });
  }

  showReplace(replacing: boolean): void {
    this.set({ replacing });
  }

  /** The document changed: search again after a pause, if the bar is open. */
  documentChanged = (): void => {
    if (this.state.open && this.state.query.text !== '') this.searchSoon();
  };

  /** The page scrolled or more of it was drawn: highlight the matches now in view. */
  repaint = (): void => {
    if (this.state.open) paintHighlights(this.editor, this.state.matches, this.state.current);
  };

  private searchSoon(): void {
    this.cancelSearch();
    this.timer = setTimeout(() => this.searchNow(), SEARCH_DELAY_MS);
  }

  private cancelSearch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Searches the whole document now; the current match stays the one it was (or the next after it). `paint: false`
   * when the caller goes to a match at once, which paints the highlights around it (painting is half a search's time):
   * the caller then paints, even when there is no match (repaint), so that the last query's highlights go.
   */
  searchNow({ paint = true }: { paint?: boolean } = {}): void {
    this.cancelSearch();
    const { query } = this.state;
    const compiled = compileQuery(query);
    if (!compiled.ok) {
      clearHighlights();
      this.set({ matches: [], current: -1, problem: compiled.problem });
      return;
    }
    const key = `${compiled.pattern.source}/${compiled.pattern.flags}`;
    if (key !== this.cachedFor) {
      this.cache = new WeakMap();
      this.cachedFor = key;
    }
    const matches: TextMatch[] = [];
    const blocks = this.editor.children as BlockElement[];
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as BlockElement;
      let found = this.cache.get(block);
      if (!found) {
        found = matchOffsets(blockText(block), compiled.pattern);
        this.cache.set(block, found);
      }
      for (let k = 0; k < found.length; k += 2) matches.push({ block: index, start: found[k] as number, end: found[k + 1] as number });
    }
    const was = this.state.matches[this.state.current];
    const current = was ? firstAtOrAfter(matches, was.block, was.start) : -1;
    this.set({ matches, current: current >= matches.length ? 0 : current, problem: '' });
    if (paint) this.repaint();
  }

  /** F3, Enter or the ↓ button: the next match after the caret (or after the current one), drawing and scrolling to it. */
  next(): void {
    this.step(1);
  }

  previous(): void {
    this.step(-1);
  }

  private step(direction: 1 | -1): void {
    const stale = this.timer !== null;
    if (stale) this.searchNow({ paint: false });
    const { matches, current } = this.state;
    if (matches.length === 0) {
      if (stale) this.repaint();
      return;
    }
    let target: number;
    if (current >= 0) target = (current + direction + matches.length) % matches.length;
    else {
      const caret = this.editor.selection ? Range.start(this.editor.selection) : null;
      const after = caret ? firstAtOrAfter(matches, caret.path[0] ?? 0, caret.offset) : 0;
      target = direction === 1 ? after % matches.length : (after - 1 + matches.length) % matches.length;
    }
    this.goTo(target);
  }

  /** Selects match `index` and brings it into view, drawing the document first when it lies in a part not drawn yet. */
  goTo(index: number): void {
    const match = this.state.matches[index];
    if (!match) return;
    const editor = this.editor;
    this.host.tools.renderNow();
    const block = editor.children[match.block] as BlockElement;
    if (!isDrawn(editor, block)) this.host.tools.drawAll();
    const range = rangeOf(block, match);
    Transforms.select(editor, range);
    this.returnTo = null;
    this.set({ current: index });
    try {
      const rect = ReactEditor.toDOMRange(editor, range).getBoundingClientRect();
      const element = ReactEditor.toDOMNode(editor, block);
      const scroller = element.closest<HTMLElement>('.page-scroll');
      const box = scroller?.getBoundingClientRect();
      if (!box || rect.top < box.top || rect.bottom > box.bottom || (rect.width === 0 && rect.height === 0)) scrollBlockToTop(element);
    } catch {
      // Not in the page after all (the editor is closing): the selection is set, there is nothing to scroll.
    }
    paintHighlights(editor, this.state.matches, index);
  }

  /** Replace: the current match, then on to the next; the first press only goes to a match, as in Word. */
  replaceCurrent(): void {
    if (this.refusedWhileReadOnly()) return;
    if (this.timer) this.searchNow();
    const { matches, current, query, replacement } = this.state;
    const match = matches[current];
    const editor = this.editor;
    if (!match || !editor.selection || !Range.equals(editor.selection, rangeOf(editor.children[match.block] as BlockElement, match))) {
      this.next();
      return;
    }
    if (isLocked(editor, match.block)) {
      this.set({ notice: 'This match is in an approved clause, so it was not replaced.' });
      this.next();
      return;
    }
    const compiled = compileQuery(query);
    if (!compiled.ok) return;
    const block = editor.children[match.block] as BlockElement;
    const text = replacementFor(query, compiled.pattern, blockText(block), match, replacement);
    applyReplacements(editor, [{ ...match, text }]);
    // Painted once: by going to the next match, or, with none left, by clearing the highlights.
    this.searchNow({ paint: false });
    const after = firstAtOrAfter(this.state.matches, match.block, match.start + text.length);
    this.set({ current: -1, notice: 'Replaced 1 match.' });
    if (this.state.matches.length > 0) this.goTo(after % this.state.matches.length);
    else this.repaint();
  }

  /** Replace all: one step that one Ctrl+Z undoes; matches in approved clauses are left, and the bar says so. */
  replaceAll(): void {
    if (this.refusedWhileReadOnly()) return;
    this.cancelSearch();
    this.host.tools.renderNow();
    const editor = this.editor;
    const blocks = editor.children as BlockElement[];
    const { query, replacement } = this.state;
    const plan = planReplaceAll(blocks.map(blockText), query, replacement, (index) => !isLocked(editor, index));
    if ('problem' in plan) {
      this.set({ problem: plan.problem });
      return;
    }
    applyReplacements(editor, plan.edits);
    const done = plan.edits.length === 0 ? 'Nothing was replaced.' : plan.edits.length === 1 ? 'Replaced 1 match.' : `Replaced ${plan.edits.length} matches.`;
    const notice = plan.kept > 0 ? `${done} ${keptSentence(plan.kept)}` : done;
    this.set({ current: -1, notice });
    this.searchNow();
  }

  /** Opens the bar on a query handed over from another document's bar, and goes to the first match. */
  openOn(query: FindQuery): void {
    this.set({ query });
    this.open(false);
    this.next();
  }

  /** Counts the query's matches in every document of the project: the open one as it is in the editor. */
  async searchProject(): Promise<void> {
    const tools = this.tools;
    if (this.timer) this.searchNow();
    const { query, problem } = this.state;
    if (!tools || query.text === '' || problem) return;
    const rows: Array<ProjectCounts['rows'][number]> = [];
    this.set({ project: { busy: true, rows } });
    for (const summary of tools.documents) {
      let row: ProjectCounts['rows'][number];
      if (summary.id === tools.currentId) row = { id: summary.id, title: summary.title, count: this.state.matches.length };
      else if (summary.problem) row = { id: summary.id, title: summary.title, count: 0, problem: summary.problem };
      else {
        try {
          row = { id: summary.id, title: summary.title, count: countInBlocks((await tools.load(summary.id)).blocks, query) };
        } catch (error) {
          row = { id: summary.id, title: summary.title, count: 0, problem: error instanceof Error ? error.message : String(error) };
        }
      }
      // The person changed the query meanwhile: these counts are not for it.
      if (this.state.query !== query) return;
      rows.push(row);
      this.set({ project: { busy: true, rows: [...rows] } });
    }
    this.set({ project: { busy: false, rows } });
  }

  /** A document of the project's list: this one goes to its first match, another opens at its first. */
  openDocumentAt(id: string): void {
    const tools = this.tools;
    if (!tools) return;
    if (id === tools.currentId) {
      this.goTo(0);
      return;
    }
    tools.openAt(id, this.state.query);
  }

  dispose(): void {
    this.cancelSearch();
    clearHighlights();
  }

  /** While a conflict or a recovery is being settled the page is read-only: nothing is replaced, and the bar says why. */
  private refusedWhileReadOnly(): boolean {
    if (!ReactEditor.isReadOnly(this.editor)) return false;
    this.set({ notice: 'The document cannot be changed until the banner above it is settled, so nothing was replaced.' });
    return true;
  }

  /** The selection's words, when it is a short stretch in one block: what Word and VS Code put in the find field. */
  private selectedWords(): string | null {
    const selection = this.editor.selection;
    if (!selection || Range.isCollapsed(selection)) return null;
    const [start, end] = Range.edges(selection);
    if (start.path[0] !== end.path[0]) return null;
    const text = Editor.string(this.editor, selection);
    return text.length > 0 && text.length <= 200 ? text : null;
  }
}

/** The first match at or after offset `start` of block `block`; `matches.length` when there is none. */
function firstAtOrAfter(matches: readonly TextMatch[], block: number, start: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const m = matches[mid] as TextMatch;
    if (m.block < block || (m.block === block && m.start < start)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isDrawn(editor: ReactEditor, block: BlockElement): boolean {
  try {
    ReactEditor.toDOMNode(editor, block);
    return true;
  } catch {
    return false;
  }
}
