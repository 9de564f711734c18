import type { MenuItemConstructorOptions } from 'electron';
import { commandSpec } from '../../shared/api/commands';

/** What a right-click in the window reports that the menu needs (a part of Electron's ContextMenuParams). */
export interface SpellingContext {
  readonly misspelledWord: string;
  readonly dictionarySuggestions: readonly string[];
  readonly isEditable: boolean;
}

export interface SpellingActions {
  replace(word: string): void;
  learn(word: string): void;
  /** Comments on the selection, or the section at the caret (the New Comment command), in editable text. */
  comment?(): void;
}

/**
 * The right-click menu of the window: for a word the spellchecker marks, its suggestions and "Add to Dictionary", as
 * in Word; then cut, copy and paste; then New Comment. Electron shows no menu of its own, so without this the red underline would offer
 * nothing. Pure, so it is tested without Electron.
 */
export function spellingMenu(context: SpellingContext, actions: SpellingActions): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = [];
  if (context.isEditable && context.misspelledWord) {
    const suggestions = context.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) spelling.push({ label: 'No suggestions', enabled: false });
    for (const word of suggestions) spelling.push({ label: word, click: () => actions.replace(word) });
    spelling.push({ label: 'Add to Dictionary', click: () => actions.learn(context.misspelledWord) }, { type: 'separator' });
  }
  const editing: MenuItemConstructorOptions[] = context.isEditable ? [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }] : [{ role: 'copy' }];
  const { comment } = actions;
  const reviewing: MenuItemConstructorOptions[] =
    context.isEditable && comment ? [{ type: 'separator' }, { label: commandSpec('newComment').menu, click: () => comment() }] : [];
  return [...spelling, ...editing, ...reviewing];
}

/** The spellchecker's language: the documents are written in English (the model has no language field yet). */
export const SPELLCHECK_LANGUAGES = ['en-GB', 'en-US'];
