import { Editor, Node, Text, Transforms, type Path } from 'slate';
import { HistoryEditor } from 'slate-history';
import { MAX_HEADING_LEVEL } from '../../shared/model/vocabulary';
import { newSectionId } from '../../shared/model/ids';
import { deepestLevel, nextSibling, owningHeading, previousSibling, sectionEnd, type Levels } from '../../shared/model/sections';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import { allOwnBlocks, asInsertedBlocks, moveAsSuggestion, relevelAsSuggestion } from './suggest-blocks';
import { suggestionMark } from './suggesting';
import type { BlockElement, HeadingElement } from './types';

/**
 * Section commands: each is one undo step, keeps every section's id, and moves a section's subsections with it.
 * They return a sentence when they cannot act, for the status bar, and null when done.
 */
export type CommandOutcome = string | null;

/** Heading levels; a heading suggested for deletion, or the old place of a moved one, counts as body text. */
function levelsOf(editor: Editor): Levels {
  return (editor.children as BlockElement[]).map((node) => (node.type === 'heading' && standsWhenAccepted(node) ? node.level : null));
}

function currentBlock(editor: Editor): number {
  const point = editor.selection?.anchor;
  return point ? (point.path[0] ?? 0) : 0;
}

function asOneStep(editor: Editor, change: () => void): void {
  HistoryEditor.withNewBatch(editor, () => Editor.withoutNormalizing(editor, change));
}

/** A new empty section after the current one (sub = false) or as the current one's last subsection (sub = true). */
export function insertSection(editor: Editor, sub: boolean): CommandOutcome {
  const levels = levelsOf(editor);
  const owner = owningHeading(levels, currentBlock(editor));
  const ownerLevel = owner >= 0 ? (levels[owner] ?? 1) : 0;
  const level = sub ? ownerLevel + 1 : Math.max(1, ownerLevel);
  if (level > MAX_HEADING_LEVEL) return `Sections go ${MAX_HEADING_LEVEL} levels deep at most.`;
  // Text before the first heading is a preamble: a new section goes right after it, ahead of section 1.
  const at = owner >= 0 ? sectionEnd(levels, owner) : levels.findIndex((l) => l != null) === -1 ? levels.length : levels.findIndex((l) => l != null);
  const heading: HeadingElement = { type: 'heading', id: newSectionId(), level, children: [{ text: '' }] };
  const mark = suggestionMark(editor);
  const blocks: BlockElement[] = [heading, { type: 'paragraph', children: [{ text: '' }] }];
  asOneStep(editor, () => {
    Transforms.insertNodes(editor, mark ? asInsertedBlocks(blocks, mark) : blocks, { at: [at] });
    Transforms.select(editor, Editor.start(editor, [at]));
  });
  return null;
}

/** The heading the cursor is in, or -1 when the cursor is elsewhere. */
function headingUnderCursor(editor: Editor): number {
  const index = currentBlock(editor);
  const node = editor.children[index] as BlockElement | undefined;
  return node?.type === 'heading' ? index : -1;
}

function shiftLevels(editor: Editor, start: number, end: number, delta: number): void {
  const mark = suggestionMark(editor);
  for (let i = start; i < end; i++) {
    const node = editor.children[i] as BlockElement;
    if (node.type !== 'heading' || !standsWhenAccepted(node)) continue;
    if (mark && !allOwnBlocks(editor, i, i + 1)) relevelAsSuggestion(editor, i, node.level + delta, mark);
    else Transforms.setNodes(editor, { level: node.level + delta }, { at: [i] });
  }
}

export function demoteSection(editor: Editor, at = headingUnderCursor(editor)): CommandOutcome {
  if (at < 0) return 'Put the cursor in a section heading to demote it.';
  const levels = levelsOf(editor);
  if (previousSibling(levels, at) < 0) return 'The first section at its level cannot be demoted: there is no section before it to hold it.';
  if (deepestLevel(levels, at) >= MAX_HEADING_LEVEL) return `Sections go ${MAX_HEADING_LEVEL} levels deep at most.`;
  asOneStep(editor, () => shiftLevels(editor, at, sectionEnd(levels, at), 1));
  return null;
}

export function promoteSection(editor: Editor, at = headingUnderCursor(editor)): CommandOutcome {
  if (at < 0) return 'Put the cursor in a section heading to promote it.';
  const levels = levelsOf(editor);
  if ((levels[at] ?? 1) <= 1) return 'This is already a top-level section.';
  asOneStep(editor, () => shiftLevels(editor, at, sectionEnd(levels, at), -1));
  return null;
}

/** Moves the blocks [from, to) so that they start at `before` (which lies before `from`). */
function moveBlocksBack(editor: Editor, from: number, to: number, before: number): void {
  for (let k = 0; k < to - from; k++) Transforms.moveNodes(editor, { at: [from + k] as Path, to: [before + k] as Path });
}

/**
 * Suggesting, a section that is not the reviewer's own new or moved text moves as a suggestion (suggest-blocks.ts),
 * to stand before block `before`, and the caret goes with it to the new place. Returns false to move it plainly.
 */
function movedAsSuggestion(editor: Editor, from: number, end: number, before: number, delta = 0): boolean {
  const mark = suggestionMark(editor);
  if (!mark || allOwnBlocks(editor, from, end)) return false;
  const anchor = editor.selection?.anchor;
  asOneStep(editor, () => {
    const first = moveAsSuggestion(editor, from, end, before, delta, mark);
    const index = anchor ? (anchor.path[0] ?? 0) : from;
    const target = first + Math.max(0, Math.min(index, end - 1) - from);
    const same = anchor && index >= from && index < end ? { path: [target, ...anchor.path.slice(1)], offset: anchor.offset } : null;
    const text = same && Node.getIf(editor, same.path);
    Transforms.select(editor, same && Text.isText(text) && text.text.length >= same.offset ? same : Editor.start(editor, [target]));
  });
  return true;
}

export function moveSection(editor: Editor, direction: 'up' | 'down'): CommandOutcome {
  const levels = levelsOf(editor);
  const at = owningHeading(levels, currentBlock(editor));
  if (at < 0) return 'Put the cursor in a section to move it.';
  if (direction === 'up') {
    const prev = previousSibling(levels, at);
    if (prev < 0) return 'This section is already the first at its level.';
    if (movedAsSuggestion(editor, at, sectionEnd(levels, at), prev)) return null;
    asOneStep(editor, () => moveBlocksBack(editor, at, sectionEnd(levels, at), prev));
  } else {
    const next = nextSibling(levels, at);
    if (next < 0) return 'This section is already the last at its level.';
    if (movedAsSuggestion(editor, at, sectionEnd(levels, at), sectionEnd(levels, next))) return null;
    // Moving this section down is moving the next one up above it; the cursor stays where it is.
    asOneStep(editor, () => moveBlocksBack(editor, next, sectionEnd(levels, next), at));
  }
  return null;
}

/**
 * Drag and drop from the outline: the section `sourceId` goes before the section `targetId` (or to the end when
 * targetId is null), taking the target's level, with its subsections shifted by the same amount.
 */
export function moveSectionTo(editor: Editor, sourceId: string, targetId: string | null): CommandOutcome {
  const nodes = editor.children as BlockElement[];
  const levels = levelsOf(editor);
  const from = nodes.findIndex((n) => n.type === 'heading' && n.id === sourceId && standsWhenAccepted(n));
  if (from < 0) return 'That section no longer exists.';
  const end = sectionEnd(levels, from);
  const target = targetId === null ? nodes.length : nodes.findIndex((n) => n.type === 'heading' && n.id === targetId && standsWhenAccepted(n));
  if (target < 0) return 'That section no longer exists.';
  if (target >= from && target < end) return null; // onto itself or its own subsections: nothing to do
  const targetLevel = targetId === null ? 1 : (levels[target] ?? 1);
  const delta = targetLevel - (levels[from] ?? 1);
  if (deepestLevel(levels, from) + delta > MAX_HEADING_LEVEL) return `Sections go ${MAX_HEADING_LEVEL} levels deep at most.`;
  if (movedAsSuggestion(editor, from, end, target, delta)) return null;
  asOneStep(editor, () => {
    let newStart: number;
    if (target < from) {
      moveBlocksBack(editor, from, end, target);
      newStart = target;
    } else {
      moveBlocksBack(editor, end, target, from);
      newStart = from + (target - end);
    }
    if (delta !== 0) shiftLevels(editor, newStart, newStart + (end - from), delta);
  });
  return null;
}
