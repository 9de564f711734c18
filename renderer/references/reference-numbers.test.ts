import { describe, expect, it } from 'vitest';
import { MISSING_REFERENCE_TEXT, referenceText } from '../../shared/numbering/references';
import { moveSection } from '../editor/section-commands';
import { SectionNumberStore } from '../editor/section-numbers';
import { cursorIn, editorFrom, idFor } from '../editor/test-editor';
import type { BlockElement } from '../editor/types';

/** What the page's references read: the store the headings' numbers come from, told only about its own section. */
describe('cross-reference numbers from the section-number store', () => {
  const setup = () => {
    const editor = editorFrom(['# Scope', 'text', '# Security', '## Keys', 'text']);
    const store = new SectionNumberStore();
    store.update(editor.children as BlockElement[], 'decimal');
    const told: string[] = [];
    store.subscribe(idFor('Keys'), () => told.push('keys'));
    store.subscribe(idFor('Scope'), () => told.push('scope'));
    const shown = (id: string, refTitle?: true) => referenceText({ ref: id, ...(refTitle ? { refTitle } : {}) }, store.referenceTargets());
    return { editor, store, told, shown };
  };

  it('follow a move, telling only the sections whose number changed', () => {
    const { editor, store, told, shown } = setup();
    expect(shown(idFor('Keys'))).toBe('2.1');
    cursorIn(editor, 'Security');
    expect(moveSection(editor, 'up')).toBeNull();
    store.update(editor.children as BlockElement[], 'decimal');
    expect(shown(idFor('Keys'))).toBe('1.1');
    expect(shown(idFor('Scope'), true)).toBe('2 (Scope)');
    expect(told.sort()).toEqual(['keys', 'scope']);
  });

  it('follow a change of numbering style', () => {
    const { editor, store, shown } = setup();
    store.update(editor.children as BlockElement[], 'article-section');
    expect(shown(idFor('Keys'))).toBe('Section 2.01');
    store.update(editor.children as BlockElement[], 'section-sign');
    expect(shown(idFor('Security'))).toBe('§ 2');
  });

  it('flag a reference whose section was deleted, and tell it so', () => {
    const { editor, store, told, shown } = setup();
    editor.children = (editor.children as BlockElement[]).filter((node) => !(node.type === 'heading' && node.id === idFor('Keys')));
    store.update(editor.children as BlockElement[], 'decimal');
    expect(shown(idFor('Keys'))).toBe(MISSING_REFERENCE_TEXT);
    expect(told).toEqual(['keys']);
  });

  it('keep the same targets when nothing about the sections changed', () => {
    const { editor, store, told } = setup();
    const before = store.referenceTargets().get(idFor('Keys'));
    store.update(editor.children as BlockElement[], 'decimal');
    expect(store.referenceTargets().get(idFor('Keys'))).toBe(before);
    expect(told).toEqual([]);
  });
});
