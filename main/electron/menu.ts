import type { MenuItemConstructorOptions } from 'electron';
import { commandSpec, shortcutText, type Command } from '../../shared/api/commands';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Its items only send command names to the page, which runs them as its toolbar does.
 * Every shortcut shown here is also bound by the page itself (the browser host has no menu), so the menu shows the
 * key but does not register it (registerAccelerator: false): registered, it would run the command a second time,
 * or take Tab, Enter and Ctrl+Z away from the editor before the editor sees them.
 */
export function menuTemplate(send: (command: Command) => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  // Words and keys come from the command table; only the menus' layout is written here.
  const item = (command: Command): MenuItemConstructorOptions => {
    const accelerator = shortcutText(command, 'CmdOrCtrl');
    return {
      label: commandSpec(command).menu,
      click: () => send(command),
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    };
  };
  const isMac = platform === 'darwin';
  return [
    // On macOS the first menu is always the app's own (About, Hide, Quit); without this, File would become it.
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        item('newProject'),
        item('openProject'),
        separator,
        item('newDocument'),
        item('importDocument'),
        item('exportDocument'),
        item('save'),
        item('saveVersion'),
        item('showVersions'),
        separator,
        item('yourName'),
        ...(isMac ? [] : [separator, { role: 'quit' } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Not the undo/redo roles: those undo Chromium's text edits, not the editor's document history.
        item('undo'),
        item('redo'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        separator,
        { role: 'selectAll' },
        separator,
        item('find'),
        item('replace'),
        item('findNext'),
        item('findPrevious'),
      ],
    },
    {
      label: '&Section',
      submenu: [
        item('insertSection'),
        item('insertSubsection'),
        separator,
        item('demoteSection'),
        item('promoteSection'),
        separator,
        item('moveSectionUp'),
        item('moveSectionDown'),
        separator,
        item('insertReference'),
        item('insertFootnote'),
        separator,
        item('toggleHeadingNumber'),
      ],
    },
    {
      label: 'F&ormat',
      submenu: [
        item('bold'),
        item('italic'),
        item('underline'),
        item('superscript'),
        item('subscript'),
        item('link'),
        separator,
        item('bulletedList'),
        item('numberedList'),
      ],
    },
    {
      label: '&Clauses',
      submenu: [
        item('insertClause'),
        item('unlinkClause'),
        item('newClauseFromSelection'),
      ],
    },
    {
      label: '&Review',
      submenu: [
        item('toggleSuggesting'),
        separator,
        item('nextChange'),
        item('previousChange'),
        separator,
        item('acceptChange'),
        item('rejectChange'),
        item('acceptAllChanges'),
        item('rejectAllChanges'),
        separator,
        item('newComment'),
        item('showReviewList'),
      ],
    },
    { role: 'help', submenu: [item('showShortcuts'), separator, { role: 'about' }] },
  ];
}
