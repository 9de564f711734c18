import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, COMMANDS, commandForKeyPress, commandSpec, groupedShortcutSheet, isCommand, shortcutSheet, shortcutText, type Command } from './commands';

const press = (key: string, modifiers: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
});

describe('the command table', () => {
  it('names each command once', () => {
    expect(new Set(COMMANDS).size).toBe(COMMANDS.length);
    expect(COMMANDS.every(isCommand)).toBe(true);
    expect(isCommand('format')).toBe(false);
  });

  it('gives no two commands one key', () => {
    const chords = COMMAND_TABLE.flatMap((spec) => ('keys' in spec ? spec.keys : []).map((chord) => JSON.stringify(chord)));
    expect(new Set(chords).size).toBe(chords.length);
  });

  // The shortcuts Policywright has always had: none may go missing or change as the table changes.
  it('keeps every shortcut hint', () => {
    const shown = Object.fromEntries(COMMANDS.flatMap((command) => (shortcutText(command) ? [[command, shortcutText(command)]] : [])));
    expect(shown).toEqual({
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
      insertReference: 'Ctrl+Shift+R',
      insertFootnote: 'Ctrl+Alt+F',
      superscript: 'Ctrl+Shift+=',
      subscript: 'Ctrl+=',
      insertClause: 'Ctrl+Shift+L',
      find: 'Ctrl+F',
      replace: 'Ctrl+H',
      findNext: 'F3',
      findPrevious: 'Shift+F3',
      newComment: 'Ctrl+Alt+M',
      showShortcuts: 'Ctrl+/',
      toggleSuggesting: 'Ctrl+Shift+E',
      nextChange: 'Alt+Shift+N',
      previousChange: 'Alt+Shift+P',
      acceptChange: 'Alt+Shift+A',
      rejectChange: 'Alt+Shift+R',
    });
  });

  it.each<[string, ReturnType<typeof press>, Command | null]>([
    ['Ctrl+S', press('s', { ctrl: true }), 'save'],
    ['Cmd+S', press('s', { meta: true }), 'save'],
    ['Ctrl+Shift+S', press('S', { ctrl: true, shift: true }), 'saveVersion'],
    ['Ctrl+E', press('e', { ctrl: true }), 'exportDocument'],
    ['Ctrl+Shift+E', press('E', { ctrl: true, shift: true }), 'toggleSuggesting'],
    ['Alt+Shift+N', press('N', { alt: true, shift: true }), 'nextChange'],
    ['Alt+N', press('n', { alt: true }), null],
    ['Ctrl+Z', press('z', { ctrl: true }), 'undo'],
    ['Cmd+Shift+Z', press('Z', { meta: true, shift: true }), 'redo'],
    ['Ctrl+Y', press('y', { ctrl: true }), 'redo'],
    ['Ctrl+Shift+Y', press('Y', { ctrl: true, shift: true }), null],
    ['Ctrl+B', press('b', { ctrl: true }), 'bold'],
    ['Ctrl+Shift+B', press('B', { ctrl: true, shift: true }), null],
    ['Ctrl+I', press('i', { ctrl: true }), 'italic'],
    ['Ctrl+U', press('u', { ctrl: true }), 'underline'],
    ['Ctrl+K', press('k', { ctrl: true }), 'link'],
    ['Ctrl+Enter', press('Enter', { ctrl: true }), 'insertSection'],
    ['Ctrl+Shift+Enter', press('Enter', { ctrl: true, shift: true }), 'insertSubsection'],
    ['Ctrl+Alt+Enter', press('Enter', { ctrl: true, alt: true }), null],
    ['Ctrl+Shift+L', press('L', { ctrl: true, shift: true }), 'insertClause'],
    ['Ctrl+Shift+R', press('R', { ctrl: true, shift: true }), 'insertReference'],
    ['Ctrl+R', press('r', { ctrl: true }), null],
    ['Ctrl+Shift+= (reported as "+")', press('+', { ctrl: true, shift: true }), 'superscript'],
    ['Ctrl+=', press('=', { ctrl: true }), 'subscript'],
    ['Ctrl+Alt+F', press('f', { ctrl: true, alt: true }), 'insertFootnote'],
    ['Ctrl+F', press('f', { ctrl: true }), 'find'],
    ['Ctrl+L', press('l', { ctrl: true }), null],
    ['Alt+Shift+Up', press('ArrowUp', { alt: true, shift: true }), 'moveSectionUp'],
    ['Alt+Shift+Down', press('ArrowDown', { alt: true, shift: true }), 'moveSectionDown'],
    ['Ctrl+Alt+Shift+Up', press('ArrowUp', { ctrl: true, alt: true, shift: true }), null],
    ['AltGr+S (Ctrl+Alt on Windows)', press('s', { ctrl: true, alt: true }), null],
    ['Tab (the editor reads it: sections or list indent)', press('Tab'), null],
    ['Shift+Tab', press('Tab', { shift: true }), null],
    ['S alone', press('s'), null],
  ])('%s → %s', (_, event, command) => expect(commandForKeyPress(event)).toBe(command));

  it('reaches every keyed command by its own keys (the keys the editor reads apart)', () => {
    for (const spec of COMMAND_TABLE) {
      if (!('keys' in spec) || ('keyReadByEditor' in spec && spec.keyReadByEditor)) continue;
      for (const chord of spec.keys) {
        const key = chord.key.length === 1 && 'shift' in chord && chord.shift ? chord.key.toUpperCase() : chord.key;
        const event = press(key, { ctrl: 'mod' in chord && chord.mod, shift: 'shift' in chord && chord.shift, alt: 'alt' in chord && chord.alt });
        expect(commandForKeyPress(event), JSON.stringify(chord)).toBe(spec.command);
      }
    }
  });

  it('lists every keyed command, with all its keys, on the shortcuts sheet', () => {
    const sheet = shortcutSheet();
    expect(sheet.find((row) => row.command === 'redo')).toEqual({ command: 'redo', label: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], group: 'Edit' });
    expect(sheet.map((row) => row.command).sort()).toEqual(COMMANDS.filter((command) => shortcutText(command) !== undefined).sort());
  });

  it('groups the sheet under the menus’ headings, in their order, each keyed command once', () => {
    const grouped = groupedShortcutSheet();
    expect(grouped.map((entry) => entry.group)).toEqual(['File', 'Edit', 'Section', 'Format', 'Clauses', 'Review', 'Help']);
    expect(grouped.find((entry) => entry.group === 'Help')?.rows.map((row) => row.keys)).toEqual([['Ctrl+/']]);
    expect(grouped.flatMap((entry) => entry.rows).map((row) => row.command).sort()).toEqual(shortcutSheet().map((row) => row.command).sort());
  });

  it('gives every command a menu item and a name', () => {
    for (const command of COMMANDS) {
      expect(commandSpec(command).menu, command).not.toBe('');
      expect(commandSpec(command).label, command).not.toBe('');
    }
  });
});

describe("the README's Editing table", () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Editing'), readme.indexOf('\n## ', readme.indexOf('## Editing') + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| To ') && !line.startsWith('|---'));
  // Keys the browser and the editor's text handling give, not commands of the table.
  const TEXT_KEYS = new Set(['Enter', 'Ctrl+Home', 'Ctrl+End']);
  const CHORD = /\b(?:(?:Ctrl|Alt|Shift)\+)*(?:(?:Ctrl|Alt|Shift|Tab|Enter|Home|End|Up|Down|[A-Z])\b|=)/g;
  const chordsOf = (cell: string) => [...cell.replace(/\(.*?\)/g, (inner) => inner.replace(/documents also.*$/, '')).matchAll(CHORD)].map((m) => m[0]).filter((chord) => /\+|^Tab$|^Enter$/.test(chord));

  it('is found, with its rows', () => {
    expect(rows.length).toBeGreaterThan(5);
  });

  it('names only keys the command table binds, or that the browser gives', () => {
    const bound = new Set(shortcutSheet().flatMap((row) => row.keys));
    for (const row of rows) {
      const press = row.split('|')[2] ?? '';
      for (const chord of chordsOf(press)) expect(bound.has(chord) || TEXT_KEYS.has(chord), `${chord} in "${row}"`).toBe(true);
    }
  });

  it('shows the keys of every command its rows name by their toolbar buttons', () => {
    for (const row of rows) {
      const [, , press = '', or = ''] = row.split('|');
      for (const spec of COMMAND_TABLE) {
        if (!('toolbar' in spec) || !('keys' in spec)) continue;
        const face = spec.toolbar.replace(/^[+•] /, '');
        // A face such as "B" or "U" is matched as a whole word only.
        if (!new RegExp(`(^|[\\s*/,])\\**${face.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**($|[\\s*/,;])`).test(or.trim())) continue;
        expect(chordsOf(press), `${spec.command} in "${row}"`).toContain(shortcutText(spec.command));
      }
    }
  });

  it('mentions every shortcut somewhere in the README', () => {
    for (const row of shortcutSheet()) for (const keys of row.keys) expect(readme, `${row.command}: ${keys}`).toContain(keys);
  });
});
