import { describe, expect, it } from 'vitest';
import { spellingMenu } from './spelling-menu';

describe('spellingMenu', () => {
  it('offers the suggestions for a misspelled word, which replace it, and Add to Dictionary, then the edit items', () => {
    const replaced: string[] = [];
    const learned: string[] = [];
    const menu = spellingMenu(
      { misspelledWord: 'polciy', dictionarySuggestions: ['policy', 'policy’s'], isEditable: true },
      { replace: (word) => replaced.push(word), learn: (word) => learned.push(word) },
    );
    expect(menu.map((item) => item.label ?? item.role ?? item.type)).toEqual(['policy', 'policy’s', 'Add to Dictionary', 'separator', 'cut', 'copy', 'paste']);
    menu[0]?.click?.({} as never, undefined, {} as never);
    menu[2]?.click?.({} as never, undefined, {} as never);
    expect(replaced).toEqual(['policy']);
    expect(learned).toEqual(['polciy']);
  });

  it('says when there is no suggestion, and offers only copy outside editable text', () => {
    const actions = { replace: () => undefined, learn: () => undefined };
    expect(spellingMenu({ misspelledWord: 'zzxq', dictionarySuggestions: [], isEditable: true }, actions)[0]).toMatchObject({ label: 'No suggestions', enabled: false });
    expect(spellingMenu({ misspelledWord: '', dictionarySuggestions: [], isEditable: false }, actions).map((item) => item.role)).toEqual(['copy']);
  });

  it('ends with New Comment in editable text, which comments on the selection', () => {
    let comments = 0;
    const actions = { replace: () => undefined, learn: () => undefined, comment: () => void comments++ };
    const menu = spellingMenu({ misspelledWord: '', dictionarySuggestions: [], isEditable: true }, actions);
    expect(menu.map((item) => item.label ?? item.role ?? item.type)).toEqual(['cut', 'copy', 'paste', 'separator', 'New Comment']);
    menu.at(-1)?.click?.({} as never, undefined, {} as never);
    expect(comments).toBe(1);
    expect(spellingMenu({ misspelledWord: '', dictionarySuggestions: [], isEditable: false }, actions).map((item) => item.role)).toEqual(['copy']);
  });
});
