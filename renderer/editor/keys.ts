import type { Command } from '../../shared/api/commands';

/** Word's shortcuts, with Cmd in place of Ctrl on a Mac. Returns the command a key press asks for, if any. */
export function commandForKey(event: KeyboardEvent | React.KeyboardEvent): Command | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === 's') return event.shiftKey ? 'saveVersion' : 'save';
    if (key === 'e' && !event.shiftKey) return 'exportDocument';
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    if (key === 'b' && !event.shiftKey) return 'bold';
    if (key === 'i' && !event.shiftKey) return 'italic';
    if (key === 'u' && !event.shiftKey) return 'underline';
    if (key === 'k' && !event.shiftKey) return 'link';
    if (key === 'Enter') return event.shiftKey ? 'insertSubsection' : 'insertSection';
    if (key === 'l' && event.shiftKey) return 'insertClause';
  }
  if (event.altKey && event.shiftKey && !mod) {
    if (key === 'ArrowUp') return 'moveSectionUp';
    if (key === 'ArrowDown') return 'moveSectionDown';
  }
  return null;
}

export const SHORTCUT_LABELS: Partial<Record<Command, string>> = {
  save: 'Ctrl+S',
  saveVersion: 'Ctrl+Shift+S',
  exportDocument: 'Ctrl+E',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  bold: 'Ctrl+B',
  italic: 'Ctrl+I',
  underline: 'Ctrl+U',
  link: 'Ctrl+K',
  insertSection: 'Ctrl+Enter',
  insertSubsection: 'Ctrl+Shift+Enter',
  demoteSection: 'Tab',
  promoteSection: 'Shift+Tab',
  moveSectionUp: 'Alt+Shift+Up',
  moveSectionDown: 'Alt+Shift+Down',
  insertClause: 'Ctrl+Shift+L',
};
