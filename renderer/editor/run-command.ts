import { Editor, Range } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Command } from '../../shared/api/commands';
import { demoteSection, insertSection, moveSection, promoteSection, type CommandOutcome } from './section-commands';
import { indentListItem, toggleList, toggleMark } from './marks';
import type { BlockElement } from './types';
import { toggleHeadingNumber } from './heading-numbering';

/** Runs an editing command on the editor; returns a sentence for the status bar when it could not act. */
export function runEditorCommand(editor: Editor, command: Command): CommandOutcome {
  switch (command) {
    case 'undo':
      HistoryEditor.undo(editor);
      return null;
    case 'redo':
      HistoryEditor.redo(editor);
      return null;
    case 'insertSection':
      return insertSection(editor, false);
    case 'insertSubsection':
      return insertSection(editor, true);
    case 'demoteSection':
      return demoteSection(editor);
    case 'promoteSection':
      return promoteSection(editor);
    case 'moveSectionUp':
      return moveSection(editor, 'up');
    case 'moveSectionDown':
      return moveSection(editor, 'down');
    case 'bold':
    case 'italic':
    case 'underline':
    case 'superscript':
    case 'subscript':
      toggleMark(editor, command);
      return null;
    case 'toggleHeadingNumber':
      return toggleHeadingNumber(editor);
    case 'bulletedList':
      toggleList(editor, 'bullet');
      return null;
    case 'numberedList':
      toggleList(editor, 'number');
      return null;
    default:
      return null;
  }
}

/** Tab on a heading demotes its section; in a list it indents; elsewhere it is swallowed so focus stays put. */
export function handleTab(editor: Editor, shift: boolean): CommandOutcome {
  const selection = editor.selection;
  if (!selection) return null;
  const index = Range.start(selection).path[0] ?? 0;
  const node = editor.children[index] as BlockElement | undefined;
  if (node?.type === 'heading') return shift ? promoteSection(editor, index) : demoteSection(editor, index);
  if (node?.type === 'list-item') indentListItem(editor, shift ? -1 : 1);
  return null;
}

export function selectionIsInEditor(editor: Editor): boolean {
  return editor.selection !== null && Editor.hasPath(editor, editor.selection.anchor.path);
}
