import { Editor, Node, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Block } from '../../shared/model/document';
import { newSectionId } from '../../shared/model/ids';
import { owningHeading, sectionEnd, type Levels } from '../../shared/model/sections';
import { clauseToBlocks, newUseId } from '../../shared/clauses/uses';
import type { ClauseBlock } from '../../shared/clauses/schema';
import type { LibraryClause } from '../../shared/clauses/library';
import { blocksToSlate, slateToBlocks } from './convert';
import { clauseSpanAt } from './clause-lock';
import type { CommandOutcome } from './section-commands';
import { asInsertedBlocks } from './suggest-blocks';
import { isSuggesting, suggestionMark } from './suggesting';
import type { BlockElement } from './types';

/** Clause commands: each is one undo step, and none of them is stopped by the lock (they are how a lock is handled). */

function asOneStep(editor: Editor, change: () => void): void {
  HistoryEditor.withNewBatch(editor, () => Editor.withoutNormalizing(editor, change));
}

function levelsOf(editor: Editor): Levels {
  return (editor.children as BlockElement[]).map((node) => (node.type === 'heading' ? node.level : null));
}

function cursorBlock(editor: Editor): number {
  return editor.selection ? (Range.start(editor.selection).path[0] ?? 0) : editor.children.length - 1;
}

export type InsertMode = 'section' | 'body';

/**
 * Inserts a clause at the cursor: as a new section after the current one (the clause title becomes its heading), or
 * into the current section's body after the cursor's paragraph (replacing it if it is empty). Never inside another
 * clause: it goes after that clause.
 */
export function insertClause(editor: Editor, clause: LibraryClause, mode: InsertMode): CommandOutcome {
  if (clause.status === 'deprecated') return `“${clause.title}” is deprecated and cannot be inserted; its note in the library says what to use instead.`;
  const levels = levelsOf(editor);
  const index = Math.max(0, cursorBlock(editor));
  const options = { source: clause.source, useId: newUseId() };
  let at: number;
  let blocks: Block[];
  let replace = false;
  if (mode === 'section') {
    const owner = owningHeading(levels, index);
    const level = owner >= 0 ? (levels[owner] ?? 1) : 1;
    at = owner >= 0 ? sectionEnd(levels, owner) : editor.children.length;
    blocks = clauseToBlocks(clause, { ...options, heading: { id: newSectionId(), level } });
  } else {
    const current = editor.children[index] as BlockElement | undefined;
    at = current?.clause ? clauseSpanAt(editor, index)[1] + 1 : index + 1;
    // Suggesting, the empty paragraph stays: removing it would be an edit nobody could reject.
    replace = !isSuggesting(editor) && !!current && !current.clause && current.type !== 'heading' && Node.string(current) === '' && !current.children.some((c) => 'type' in c);
    if (replace) at = index;
    blocks = clauseToBlocks(clause, options);
  }
  const mark = suggestionMark(editor);
  const nodes = mark ? asInsertedBlocks(blocksToSlate(blocks), mark) : blocksToSlate(blocks);
  asOneStep(editor, () => {
    if (replace) Transforms.removeNodes(editor, { at: [at] });
    Transforms.insertNodes(editor, nodes, { at: [at] });
    Transforms.select(editor, Editor.end(editor, [at + nodes.length - 1]));
  });
  return null;
}

/** The clause use at the cursor, as [first, last] block indexes, or null. */
export function clauseSpanAtCursor(editor: Editor): [number, number] | null {
  if (!editor.selection) return null;
  const index = Range.start(editor.selection).path[0] ?? 0;
  const node = editor.children[index] as BlockElement | undefined;
  return node?.clause && node.clause.state !== 'unlinked' ? clauseSpanAt(editor, index) : null;
}

function spanOfUse(editor: Editor, useId: string): [number, number] | null {
  const index = (editor.children as BlockElement[]).findIndex((n) => n.clause?.use === useId);
  return index < 0 ? null : clauseSpanAt(editor, index);
}

/** Turns a clause's text into ordinary text the person can edit; the blocks remember the clause and version. */
export function unlinkClause(editor: Editor, useId?: string): CommandOutcome {
  const span = useId ? spanOfUse(editor, useId) : clauseSpanAtCursor(editor);
  if (!span) return 'Put the cursor in a clause from the library to unlink it.';
  asOneStep(editor, () => {
    for (let i = span[0]; i <= span[1]; i++) {
      const clause = (editor.children[i] as BlockElement).clause;
      if (clause) Transforms.setNodes(editor, { clause: { ...clause, state: 'unlinked' } }, { at: [i] });
    }
  });
  return null;
}

/**
 * Replaces a clause use's text with the library's current wording. Variables are names, so the project's values carry
 * over; a heading keeps its section id (and so every link into the section).
 */
export function updateClause(editor: Editor, useId: string, clause: LibraryClause): CommandOutcome {
  const span = spanOfUse(editor, useId);
  if (!span) return 'That clause is no longer in the document.';
  const first = editor.children[span[0]] as BlockElement;
  const heading = first.type === 'heading' ? { id: first.id, level: first.level } : undefined;
  const nodes = blocksToSlate(clauseToBlocks(clause, { source: clause.source, useId, ...(heading ? { heading } : {}) }));
  asOneStep(editor, () => {
    for (let i = span[1]; i >= span[0]; i--) Transforms.removeNodes(editor, { at: [i] });
    Transforms.insertNodes(editor, nodes, { at: [span[0]] });
    Transforms.select(editor, Editor.end(editor, [span[0] + nodes.length - 1]));
  });
  return null;
}

/** The blocks of one use as stored, for the difference against the library. */
export function blocksOfUse(editor: Editor, useId: string): Block[] {
  const span = spanOfUse(editor, useId);
  return span ? slateToBlocks(editor.children.slice(span[0], span[1] + 1) as BlockElement[]) : [];
}

/**
 * What a new clause starts from: the selected passage, or with no selection the whole current section (its heading is
 * the title, its text up to the next heading the body).
 */
export function clauseDraftFromSelection(editor: Editor): { title: string; blocks: ClauseBlock[] } | null {
  const selection = editor.selection;
  if (!selection) return null;
  let nodes: BlockElement[];
  let title = '';
  if (Range.isExpanded(selection)) {
    nodes = Editor.fragment(editor, selection) as BlockElement[];
  } else {
    const levels = levelsOf(editor);
    const owner = owningHeading(levels, cursorBlock(editor));
    if (owner < 0) return null;
    let end = owner + 1;
    while (end < levels.length && levels[end] == null) end++;
    nodes = editor.children.slice(owner, end) as BlockElement[];
  }
  const blocks: ClauseBlock[] = [];
  for (const block of slateToBlocks(nodes)) {
    if (block.kind === 'heading') {
      title ||= block.runs.map((r) => r.text).join('').trim();
      continue;
    }
    // A library clause holds paragraphs and list items (shared/clauses/schema.ts): a table, and a footnote, whose text
    // lives in the document's notes, stay in the document and out of the clause.
    if (block.kind === 'table') continue;
    const runs = block.runs.filter((run) => run.note === undefined);
    if (runs.length === 0) continue;
    const { clause: _use, ...rest } = block;
    blocks.push({ ...rest, runs });
  }
  return { title, blocks };
}
