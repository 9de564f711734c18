/**
 * The page's own keys and clicks: Tab and Shift+Tab (demote, promote, indent), the shortcuts of the command table,
 * Ctrl+Home and Ctrl+End, and drawing the whole document first for what reaches beyond the first screen (select all,
 * paging, a click on a part not drawn yet). A key that types a character goes straight to Slate.
 */
import { useCallback, useRef } from 'react';
import { moveToRegion } from '../common/regions';
import type { Command } from '../../shared/api/commands';
import { documentEdgeKey, moveToDocumentEdge } from './document-edges';
import { commandForKey } from './keys';
import { handleTab } from './run-command';
import { extendSelectionByKey, syncSelectionFromDom } from './sync-selection';
import type { PolicyEditor } from './types';

// Commands of the app, not the editor: they bubble up to the window's listener.
const APP_COMMANDS: ReadonlySet<Command> = new Set(['newProject', 'openProject', 'newDocument', 'importDocument', 'exportDocument', 'saveVersion', 'showVersions', 'showShortcuts']);

interface Keys {
  editor: PolicyEditor;
  run: (command: Command) => void;
  /** Puts every block in the page before this task ends. */
  drawAll: () => void;
  say: (message: string) => void;
}

export function useEditorKeys({ editor, run, drawAll, say }: Keys) {
  // Esc was the last key: Tab now leaves the text for the next region (Shift+Tab the one before) instead of indenting.
  const leaving = useRef(false);
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Escape' && plain && !event.shiftKey) {
        leaving.current = true;
        say('Press Tab to leave the policy text, or keep typing.');
        return;
      }
      const leave = leaving.current && event.key === 'Tab' && plain;
      if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) leaving.current = false;
      if (leave) {
        event.preventDefault();
        moveToRegion(event.shiftKey ? -1 : 1, event.currentTarget);
        return;
      }
      if (extendSelectionByKey(editor, event.nativeEvent)) {
        event.preventDefault();
        return;
      }
      // Slate moves the caret for the left and right arrows itself, from the selection it last read: after Home or End
      // (which the browser moves), an arrow pressed within Slate's 100 ms would start from where the caret was before.
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') syncSelectionFromDom(editor);
      // The browser's own select all, find and paging reach beyond the first screen: they need every block in the page.
      if (reachesWholePage(event)) drawAll();
      const edge = documentEdgeKey(event);
      if (edge) {
        event.preventDefault();
        moveToDocumentEdge(editor, edge, event.shiftKey, drawAll);
        return;
      }
      if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        syncSelectionFromDom(editor);
        const outcome = handleTab(editor, event.shiftKey);
        if (outcome) say(outcome);
        return;
      }
      const command = commandForKey(event);
      if (!command || APP_COMMANDS.has(command)) return;
      event.preventDefault();
      syncSelectionFromDom(editor);
      run(command);
    },
    [editor, run, drawAll, say],
  );

  // A click on a chunk not drawn yet (after dragging the scroll bar far down at once) draws everything first.
  const onMouseDown = useCallback(
    (event: React.MouseEvent<HTMLDivElement>) => {
      if (event.target instanceof HTMLElement && event.target.closest('.pending')) drawAll();
    },
    [drawAll],
  );

  return { onKeyDown, onMouseDown };
}

/**
 * Keys the browser handles over the whole page: select all and paging. Find (Ctrl+F, F3) and replace (Ctrl+H) are the
 * app's own commands, which search the document itself, drawn or not.
 */
function reachesWholePage(event: React.KeyboardEvent): boolean {
  if (event.key === 'PageDown' || event.key === 'PageUp') return true;
  // AltGr reports Ctrl+Alt on Windows: a character, not a shortcut.
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  return event.key.toLowerCase() === 'a';
}
