import type { MenuItemConstructorOptions } from 'electron';
import type { Command } from '../../shared/api/commands';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Its items only send command names to the page, which runs them as its toolbar does.
 * Every shortcut shown here is also bound by the page itself (the browser host has no menu), so the menu shows the
 * key but does not register it (registerAccelerator: false): registered, it would run the command a second time,
 * or take Tab, Enter and Ctrl+Z away from the editor before the editor sees them.
 */
export function menuTemplate(send: (command: Command) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const item = (label: string, command: Command, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const isMac = platform === 'darwin';
  return [
    // On macOS the first menu is always the app's own (About, Hide, Quit); without this, File would become it.
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        item('New Project…', 'newProject'),
        item('Open Project…', 'openProject'),
        separator,
        item('New Document', 'newDocument'),
        item('Import Document…', 'importDocument'),
        item('Export…', 'exportDocument', 'CmdOrCtrl+E'),
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save Version…', 'saveVersion', 'CmdOrCtrl+Shift+S'),
        item('Versions and Compare…', 'showVersions'),
        ...(isMac ? [] : [separator, { role: 'quit' } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Not the undo/redo roles: those undo Chromium's text edits, not the editor's document history.
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: '&Section',
      submenu: [
        item('Insert Section After', 'insertSection', 'CmdOrCtrl+Enter'),
        item('Insert Subsection', 'insertSubsection', 'CmdOrCtrl+Shift+Enter'),
        separator,
        item('Demote', 'demoteSection', 'Tab'),
        item('Promote', 'promoteSection', 'Shift+Tab'),
        separator,
        item('Move Up', 'moveSectionUp', 'Alt+Shift+Up'),
        item('Move Down', 'moveSectionDown', 'Alt+Shift+Down'),
      ],
    },
    {
      label: 'F&ormat',
      submenu: [
        item('Bold', 'bold', 'CmdOrCtrl+B'),
        item('Italic', 'italic', 'CmdOrCtrl+I'),
        item('Underline', 'underline', 'CmdOrCtrl+U'),
        item('Link…', 'link', 'CmdOrCtrl+K'),
        separator,
        item('Bulleted List', 'bulletedList'),
        item('Numbered List', 'numberedList'),
      ],
    },
    {
      label: '&Clauses',
      submenu: [
        item('Insert Clause…', 'insertClause', 'CmdOrCtrl+Shift+L'),
        item('Unlink Clause to Edit', 'unlinkClause'),
        item('New Clause from Selection…', 'newClauseFromSelection'),
      ],
    },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
