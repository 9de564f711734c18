import { Editor, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { LOCKED_MESSAGE, lockedIn } from './clause-lock';
import type { CommandOutcome } from './section-commands';
import { isSuggesting } from './suggesting';
import type { BlockElement } from './types';

export const NOT_A_HEADING_MESSAGE = 'Put the cursor in a heading to choose whether it takes a number.';
export const NUMBERING_NOT_SUGGESTIBLE_MESSAGE = 'Whether a heading takes a number cannot be suggested yet: turn Suggesting off (Ctrl+Shift+E) to change it.';

/** The top-level indexes of the headings the selection touches. */
function selectedHeadings(editor: Editor): number[] {
  const selection = editor.selection;
  if (!selection) return [];
  const [start, end] = Range.edges(selection);
  const out: number[] = [];
  for (let i = start.path[0] ?? 0; i <= (end.path[0] ?? 0); i++) if ((editor.children[i] as BlockElement | undefined)?.type === 'heading') out.push(i);
  return out;
}

/** Whether the heading at the caret takes a number: null when the caret is in no heading (the toolbar's pressed state). */
export function caretHeadingNumbered(editor: Editor): boolean | null {
  const index = editor.selection?.anchor.path[0];
  const block = index === undefined ? undefined : (editor.children[index] as BlockElement | undefined);
  return block?.type === 'heading' ? block.unnumbered !== true : null;
}

/**
 * "Number this heading": switches the selected headings between numbered and not, as one undo step. Any numbered
 * among them makes them all unnumbered (as Word's switch over a mixed selection), else they all take numbers again.
 * The numbers of the others follow from the section numbers (section-numbers.ts), never stored.
 */
export function toggleHeadingNumber(editor: Editor): CommandOutcome {
  const headings = selectedHeadings(editor);
  if (headings.length === 0) return NOT_A_HEADING_MESSAGE;
  if (lockedIn(editor, editor.selection) >= 0) return LOCKED_MESSAGE;
  if (isSuggesting(editor)) return NUMBERING_NOT_SUGGESTIBLE_MESSAGE;
  const unnumber = headings.some((i) => (editor.children[i] as BlockElement & { unnumbered?: true }).unnumbered !== true);
  HistoryEditor.withNewBatch(editor, () =>
    Editor.withoutNormalizing(editor, () => {
      for (const i of headings) {
        if (unnumber) Transforms.setNodes(editor, { unnumbered: true }, { at: [i] });
        else Transforms.unsetNodes(editor, 'unnumbered', { at: [i] });
      }
    }),
  );
  return null;
}
