/**
 * Commands a person can give from the menu, the toolbar or the keyboard: the one table of them (as Excalidraw's and
 * tldraw's actions), from which the page's keymap (renderer/editor/keys.ts), the toolbar's buttons and their hints
 * (renderer/editor/Toolbar.tsx), the Electron menu (main/electron/menu.ts) and the shortcuts sheet are all made. The
 * Electron menu sends these names to the renderer; the renderer's own toolbar and shortcuts run the same ones.
 */

/**
 * A key with its modifiers. `key` is KeyboardEvent.key, a letter in lower case. `mod` is Ctrl, or Cmd on a Mac; a
 * chord matches only with exactly the modifiers it names, so Ctrl+S and Ctrl+Shift+S are two commands.
 */
export interface KeyChord {
  readonly key: string;
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface CommandSpec {
  readonly command: string;
  /** What the command is called: the toolbar button's accessible name and the shortcuts sheet's words. */
  readonly label: string;
  /** Its menu item's words, Title Case with "…" when it asks something first. Every command has one. */
  readonly menu: string;
  /** Its keys, the first shown in hints and the menu; later ones are alternatives (Ctrl+Y for redo). */
  readonly keys?: readonly KeyChord[];
  /**
   * The key is shown but read by the editor itself rather than by the keymap: Tab and Shift+Tab demote and promote a
   * section only in a heading, and indent a list item elsewhere.
   */
  readonly keyReadByEditor?: boolean;
  /** The toolbar button's face, for the commands the toolbar offers. */
  readonly toolbar?: string;
  /** Where the shortcuts sheet lists it, as the menus group it. */
  readonly group: CommandGroup;
}

/** The shortcuts sheet's headings, in its order (the menus' order). */
export const COMMAND_GROUPS = ['File', 'Edit', 'Section', 'Format', 'Clauses', 'Review', 'Help'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

const mod = (key: string, shift = false): KeyChord => ({ key, mod: true, ...(shift ? { shift } : {}) });

export const COMMAND_TABLE = [
  { command: 'newProject', label: 'New project', menu: 'New Project…', group: 'File' },
  { command: 'openProject', label: 'Open project', menu: 'Open Project…', group: 'File' },
  { command: 'newDocument', label: 'New document', menu: 'New Document', group: 'File' },
  { command: 'importDocument', label: 'Import document', menu: 'Import Document…', group: 'File' },
  { command: 'exportDocument', label: 'Export', menu: 'Export…', keys: [mod('e')], group: 'File' },
  { command: 'save', label: 'Save', menu: 'Save', keys: [mod('s')], toolbar: 'Save', group: 'File' },
  { command: 'saveVersion', label: 'Save version', menu: 'Save Version…', keys: [mod('s', true)], group: 'File' },
  { command: 'showVersions', label: 'Versions and compare', menu: 'Versions and Compare…', group: 'File' },
  { command: 'yourName', label: 'Your name', menu: 'Your Name…', group: 'File' },
  { command: 'undo', label: 'Undo', menu: 'Undo', keys: [mod('z')], toolbar: '↶', group: 'Edit' },
  { command: 'redo', label: 'Redo', menu: 'Redo', keys: [mod('z', true), mod('y')], toolbar: '↷', group: 'Edit' },
  { command: 'find', label: 'Find', menu: 'Find…', keys: [mod('f')], group: 'Edit' },
  { command: 'replace', label: 'Replace', menu: 'Replace…', keys: [mod('h')], group: 'Edit' },
  { command: 'findNext', label: 'Find next', menu: 'Find Next', keys: [{ key: 'F3' }, mod('g')], group: 'Edit' },
  { command: 'findPrevious', label: 'Find previous', menu: 'Find Previous', keys: [{ key: 'F3', shift: true }, mod('g', true)], group: 'Edit' },
  { command: 'insertSection', label: 'New section', menu: 'Insert Section After', keys: [mod('Enter')], toolbar: '+ Section', group: 'Section' },
  { command: 'insertSubsection', label: 'New subsection', menu: 'Insert Subsection', keys: [mod('Enter', true)], toolbar: '+ Subsection', group: 'Section' },
  { command: 'demoteSection', label: 'Demote section', menu: 'Demote', keys: [{ key: 'Tab' }], keyReadByEditor: true, toolbar: '⇥', group: 'Section' },
  { command: 'promoteSection', label: 'Promote section', menu: 'Promote', keys: [{ key: 'Tab', shift: true }], keyReadByEditor: true, toolbar: '⇤', group: 'Section' },
  { command: 'moveSectionUp', label: 'Move section up', menu: 'Move Up', keys: [{ key: 'ArrowUp', alt: true, shift: true }], toolbar: '↑', group: 'Section' },
  { command: 'moveSectionDown', label: 'Move section down', menu: 'Move Down', keys: [{ key: 'ArrowDown', alt: true, shift: true }], toolbar: '↓', group: 'Section' },
  // Word's Insert > Cross-reference has no key of its own; Ctrl+Shift+R ("reference") is free here.
  { command: 'insertReference', label: 'Insert cross-reference', menu: 'Insert Cross-Reference…', keys: [mod('r', true)], toolbar: '§', group: 'Section' },
  // Word's Insert Footnote key (Ctrl+Alt+F, as Ctrl+Alt+M is its New Comment).
  { command: 'insertFootnote', label: 'Insert footnote', menu: 'Insert Footnote', keys: [{ key: 'f', mod: true, alt: true }], toolbar: 'ab¹', group: 'Section' },
  // Word has no key for a heading without numbering; its switch is on the toolbar and in the Section menu.
  { command: 'toggleHeadingNumber', label: 'Number this heading', menu: 'Number This Heading', toolbar: '№', group: 'Section' },
  { command: 'bold', label: 'Bold', menu: 'Bold', keys: [mod('b')], toolbar: 'B', group: 'Format' },
  { command: 'italic', label: 'Italic', menu: 'Italic', keys: [mod('i')], toolbar: 'I', group: 'Format' },
  { command: 'underline', label: 'Underline', menu: 'Underline', keys: [mod('u')], toolbar: 'U', group: 'Format' },
  // Word's keys: Ctrl+Shift+= and Ctrl+=.
  { command: 'superscript', label: 'Superscript', menu: 'Superscript', keys: [mod('=', true)], toolbar: 'x²', group: 'Format' },
  { command: 'subscript', label: 'Subscript', menu: 'Subscript', keys: [mod('=')], toolbar: 'x₂', group: 'Format' },
  { command: 'link', label: 'Link', menu: 'Link…', keys: [mod('k')], toolbar: 'Link', group: 'Format' },
  { command: 'bulletedList', label: 'Bulleted list', menu: 'Bulleted List', toolbar: '• Bulleted', group: 'Format' },
  { command: 'numberedList', label: 'Numbered list', menu: 'Numbered List', toolbar: 'Numbered', group: 'Format' },
  // Tables, as Word's Insert Table and its table Layout tab; Word gives them no keys. Shown in the toolbar's Table menu.
  { command: 'insertTable', label: 'Insert table', menu: 'Insert Table…', group: 'Format' },
  { command: 'insertRowAbove', label: 'Insert row above', menu: 'Insert Row Above', group: 'Format' },
  { command: 'insertRowBelow', label: 'Insert row below', menu: 'Insert Row Below', group: 'Format' },
  { command: 'deleteRow', label: 'Delete row', menu: 'Delete Row', group: 'Format' },
  { command: 'insertColumnLeft', label: 'Insert column left', menu: 'Insert Column Left', group: 'Format' },
  { command: 'insertColumnRight', label: 'Insert column right', menu: 'Insert Column Right', group: 'Format' },
  { command: 'deleteColumn', label: 'Delete column', menu: 'Delete Column', group: 'Format' },
  { command: 'toggleHeaderRow', label: 'Header row', menu: 'Header Row', group: 'Format' },
  { command: 'toggleTableCaption', label: 'Caption', menu: 'Caption', group: 'Format' },
  { command: 'deleteTable', label: 'Delete table', menu: 'Delete Table', group: 'Format' },
  { command: 'insertClause', label: 'Insert clause', menu: 'Insert Clause…', keys: [mod('l', true)], group: 'Clauses' },
  { command: 'unlinkClause', label: 'Unlink clause to edit', menu: 'Unlink Clause to Edit', group: 'Clauses' },
  { command: 'newClauseFromSelection', label: 'New clause from selection', menu: 'New Clause from Selection…', group: 'Clauses' },
  // Review: Ctrl+Shift+E is Word's Track Changes. Word has no keys for moving between changes or settling one; Alt+Shift
  // with a letter collides with nothing here, and Ctrl+Alt is avoided (it is AltGr, which types letters, on Windows).
  { command: 'toggleSuggesting', label: 'Suggesting', menu: 'Suggest Changes', keys: [mod('e', true)], toolbar: 'Suggesting', group: 'Review' },
  { command: 'nextChange', label: 'Next change', menu: 'Next Change', keys: [{ key: 'n', alt: true, shift: true }], group: 'Review' },
  { command: 'previousChange', label: 'Previous change', menu: 'Previous Change', keys: [{ key: 'p', alt: true, shift: true }], group: 'Review' },
  { command: 'acceptChange', label: 'Accept change', menu: 'Accept Change', keys: [{ key: 'a', alt: true, shift: true }], group: 'Review' },
  { command: 'rejectChange', label: 'Reject change', menu: 'Reject Change', keys: [{ key: 'r', alt: true, shift: true }], group: 'Review' },
  { command: 'acceptAllChanges', label: 'Accept all changes', menu: 'Accept All Changes', group: 'Review' },
  { command: 'rejectAllChanges', label: 'Reject all changes', menu: 'Reject All Changes', group: 'Review' },
  // Word's keys for a new comment.
  { command: 'newComment', label: 'New comment', menu: 'New Comment', keys: [{ key: 'm', mod: true, alt: true }], group: 'Review' },
  { command: 'showReviewList', label: 'Review changes and comments', menu: 'Review Changes and Comments', group: 'Review' },
  { command: 'showShortcuts', label: 'Keyboard shortcuts', menu: 'Keyboard Shortcuts', keys: [mod('/')], group: 'Help' },
] as const satisfies readonly CommandSpec[];

export type Command = (typeof COMMAND_TABLE)[number]['command'];

export const COMMANDS: readonly Command[] = COMMAND_TABLE.map((spec) => spec.command);

const SPECS = new Map<Command, CommandSpec>(COMMAND_TABLE.map((spec) => [spec.command, spec]));

/** The table's row for a command. */
export function commandSpec(command: Command): CommandSpec {
  return SPECS.get(command) as CommandSpec;
}

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && SPECS.has(value as Command);
}

/** What a key press carries, as KeyboardEvent and React's event both have it. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * The chords of the keymap by key, each with its command, in the table's order: a key press looks at the few chords of
 * its own key (none for most letters; two for "s", Ctrl+S and Ctrl+Shift+S), not at every command's, on every key typed.
 */
const CHORDS_BY_KEY = new Map<string, Array<{ chord: KeyChord; command: Command }>>();
for (const spec of COMMAND_TABLE as readonly CommandSpec[]) {
  if (spec.keyReadByEditor) continue;
  for (const chord of spec.keys ?? []) {
    const list = CHORDS_BY_KEY.get(chord.key);
    const entry = { chord, command: spec.command as Command };
    if (list) list.push(entry);
    else CHORDS_BY_KEY.set(chord.key, [entry]);
  }
}

/** The command a key press asks for, if any: Word's shortcuts, with Cmd in place of Ctrl on a Mac. */
export function commandForKeyPress(event: KeyPress): Command | null {
  // Shift+= reports "+" on most layouts: Word's Ctrl+Shift+= is named by its key, as the table names it.
  const key = event.key === '+' && event.shiftKey ? '=' : event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const chords = CHORDS_BY_KEY.get(key);
  if (!chords) return null;
  const mod = event.ctrlKey || event.metaKey;
  for (const { chord, command } of chords) {
    if ((chord.mod ?? false) === mod && (chord.shift ?? false) === event.shiftKey && (chord.alt ?? false) === event.altKey) return command;
  }
  return null;
}

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };

/** A chord as people read it, "Ctrl+Shift+S" or "Alt+Shift+Up"; `modName` is what Ctrl is called ("CmdOrCtrl" for Electron). */
export function chordText(chord: KeyChord, modName = 'Ctrl'): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : (KEY_NAMES[chord.key] ?? chord.key);
  return [chord.mod ? modName : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** The shortcut shown for a command ("Ctrl+S"), if it has one: its first chord. */
export function shortcutText(command: Command, modName = 'Ctrl'): string | undefined {
  const chord = commandSpec(command).keys?.[0];
  return chord ? chordText(chord, modName) : undefined;
}

/** The shortcuts sheet: every command that has keys, with all of them ("Ctrl+Shift+Z or Ctrl+Y"). */
export function shortcutSheet(): Array<{ command: Command; label: string; keys: string[]; group: CommandGroup }> {
  return (COMMAND_TABLE as readonly CommandSpec[])
    .filter((spec) => spec.keys && spec.keys.length > 0)
    .map((spec) => ({ command: spec.command as Command, label: spec.label, keys: (spec.keys ?? []).map((chord) => chordText(chord)), group: spec.group }));
}

/** The sheet's rows under their headings, in the menus' order; a heading with no keyed command is left out. */
export function groupedShortcutSheet(): Array<{ group: CommandGroup; rows: ReturnType<typeof shortcutSheet> }> {
  const sheet = shortcutSheet();
  return COMMAND_GROUPS.map((group) => ({ group, rows: sheet.filter((row) => row.group === group) })).filter((entry) => entry.rows.length > 0);
}
