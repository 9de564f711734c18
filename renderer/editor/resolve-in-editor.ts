import { Editor, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { resolveBlock, type Decide } from '../../shared/review/resolve';
import { blocksToSlate, notesById, notesOfSlate, slateToBlocks } from './convert';
import { inlineListsOf, relevelOf } from './table-nodes';
import type { BlockElement, InlineNode, PolicyEditor } from './types';

/**
 * Accepts or rejects, in the editor, the suggestions `decide` settles: each affected block is put through the one
 * pure meaning of accept and reject (shared/review/resolve.ts) and replaced, the whole as one undo step. Returns how
 * many blocks changed. A person's action, never per key: it looks at every block, cheaply.
 */
export function resolveInEditor(editor: PolicyEditor, decide: Decide): number {
  const nodes = editor.children as BlockElement[];
  const replacements: Array<{ index: number; block: BlockElement | null }> = [];
  nodes.forEach((node, index) => {
    if (!carriesSuggestion(node)) return;
    const stored = slateToBlocks([node])[0];
    if (!stored) return;
    const resolved = resolveBlock(stored, decide);
    if (resolved === stored) return;
    // The block's footnotes travel in its marks: handed back so the marks keep their notes' text.
    replacements.push({ index, block: resolved ? (blocksToSlate([resolved], notesById(notesOfSlate([node])))[0] ?? null) : null });
  });
  if (replacements.length === 0) return 0;
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      // From the end, so the paths still to come do not move.
      for (let k = replacements.length - 1; k >= 0; k--) {
        const { index, block } = replacements[k] as { index: number; block: BlockElement | null };
        Transforms.removeNodes(editor, { at: [index] });
        if (block) Transforms.insertNodes(editor, block as Descendant, { at: [index], select: false });
      }
      // A document is never left without a block to type in.
      if (editor.children.length === 0) Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text: '' }] } as Descendant, { at: [0] });
    });
  });
  return replacements.length;
}

/** Whether a block, or any text or chip in it, carries a suggestion: the cheap test before any conversion. */
export function carriesSuggestion(node: BlockElement): boolean {
  if (node.change || relevelOf(node)) return true;
  // A table carries its cells' suggestions: resolved as one block, the whole table replaced.
  return inlineListsOf(node).some((list) => list.some(inlineCarries));
}

function inlineCarries(node: InlineNode): boolean {
  if ('type' in node && node.type === 'link') return node.children.some(inlineCarries);
  return node.ins !== undefined || node.del !== undefined || node.formatted !== undefined;
}
