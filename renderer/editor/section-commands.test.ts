import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { demoteSection, insertSection, moveSection, moveSectionTo, promoteSection } from './section-commands';
import { cursorIn, editorFrom, idFor, numbered } from './test-editor';
import type { BlockElement } from './types';

const SAMPLE = ['Preamble', '# One', 'one body', '## One A', '## One B', '### One B i', '# Two', 'two body', '# Three'];

function headingIds(editor: Editor): string[] {
  return (editor.children as BlockElement[]).flatMap((n) => (n.type === 'heading' ? [n.id] : []));
}

/** Every command must be undone exactly, ids included, by one Ctrl+Z. */
function expectOneUndoRestores(editor: Editor, run: () => string | null) {
  const before = JSON.stringify(editor.children);
  expect(run()).toBeNull();
  expect(JSON.stringify(editor.children)).not.toBe(before);
  const after = JSON.stringify(editor.children);
  HistoryEditor.undo(editor);
  expect(JSON.stringify(editor.children)).toBe(before);
  HistoryEditor.redo(editor);
  expect(JSON.stringify(editor.children)).toBe(after);
}

describe('insertSection', () => {
  it('adds a section after the current one and its subsections, renumbering what follows', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'one body');
    expect(insertSection(editor, false)).toBeNull();
    Editor.insertText(editor, 'New');
    expect(numbered(editor)).toEqual(['  Preamble', '1. One', '  one body', '1.1 One A', '1.2 One B', '1.2.1 One B i', '2. New', '  ', '3. Two', '  two body', '4. Three']);
  });

  it('adds a subsection as the last child of the current section', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One');
    insertSection(editor, true);
    Editor.insertText(editor, 'Sub');
    expect(numbered(editor).slice(0, 8)).toEqual(['  Preamble', '1. One', '  one body', '1.1 One A', '1.2 One B', '1.2.1 One B i', '1.3 Sub', '  ']);
  });

  it('in the preamble, adds a first section ahead of section 1', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'Preamble');
    insertSection(editor, false);
    Editor.insertText(editor, 'First');
    expect(numbered(editor).slice(0, 4)).toEqual(['  Preamble', '1. First', '  ', '2. One']);
  });

  it('gives every new section a fresh id and is one undo step', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'Two');
    expectOneUndoRestores(editor, () => insertSection(editor, false));
    const ids = headingIds(editor);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses to go deeper than six levels', () => {
    const editor = editorFrom(['# 1', '## 2', '### 3', '#### 4', '##### 5', '###### 6']);
    cursorIn(editor, '6');
    expect(insertSection(editor, true)).toMatch(/6 levels/);
  });
});

describe('demoteSection and promoteSection', () => {
  it('demotes a section with its subsections under the previous sibling', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One B');
    expectOneUndoRestores(editor, () => demoteSection(editor));
    cursorIn(editor, 'One B');
    demoteSection(editor);
    expect(numbered(editor).slice(3, 6)).toEqual(['1.1 One A', '1.1.1 One B', '1.1.1.1 One B i']);
  });

  it('refuses to demote the first section at its level', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One A');
    expect(demoteSection(editor)).toMatch(/first section/);
    cursorIn(editor, 'One');
    expect(demoteSection(editor)).toMatch(/first section/);
  });

  it('promotes a section with its subsections; later siblings become its children, as in Word', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One A');
    expectOneUndoRestores(editor, () => promoteSection(editor));
    expect(numbered(editor).slice(1, 7)).toEqual(['1. One', '  one body', '2. One A', '2.1 One B', '2.1.1 One B i', '3. Two']);
  });

  it('refuses to promote a top-level section, and acts only on headings', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'Two');
    expect(promoteSection(editor)).toMatch(/top-level/);
    cursorIn(editor, 'two body');
    expect(promoteSection(editor)).toMatch(/heading/);
  });

  it('keeps every id through demote, promote and moves', () => {
    const editor = editorFrom(SAMPLE);
    const ids = new Set(headingIds(editor));
    cursorIn(editor, 'One B');
    demoteSection(editor);
    promoteSection(editor);
    cursorIn(editor, 'Two');
    moveSection(editor, 'up');
    expect(new Set(headingIds(editor))).toEqual(ids);
  });
});

describe('moveSection', () => {
  it('moves a section up past its previous sibling, subsections and body included', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'two body');
    expectOneUndoRestores(editor, () => moveSection(editor, 'up'));
    expect(numbered(editor)).toEqual(['  Preamble', '1. Two', '  two body', '2. One', '  one body', '2.1 One A', '2.2 One B', '2.2.1 One B i', '3. Three']);
    expect(moveSection(editor, 'up')).toMatch(/first/);
  });

  it('moves a section down past its next sibling and keeps the cursor in it', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One');
    moveSection(editor, 'down');
    expect(numbered(editor).slice(1, 4)).toEqual(['1. Two', '  two body', '2. One']);
    const at = editor.selection?.anchor.path[0] ?? -1;
    expect(Editor.string(editor, [at])).toBe('One');
  });

  it('stays within its parent: the first or last child cannot leave it', () => {
    const editor = editorFrom(SAMPLE);
    cursorIn(editor, 'One A');
    expect(moveSection(editor, 'up')).toMatch(/first/);
    cursorIn(editor, 'One B');
    expect(moveSection(editor, 'down')).toMatch(/last/);
  });
});

describe('moveSectionTo (outline drag)', () => {
  it('moves a section before another, taking its level, subsections shifted alike', () => {
    const editor = editorFrom(SAMPLE);
    Transforms.deselect(editor);
    expect(moveSectionTo(editor, idFor('One B'), idFor('Two'))).toBeNull();
    expect(numbered(editor)).toEqual(['  Preamble', '1. One', '  one body', '1.1 One A', '2. One B', '2.1 One B i', '3. Two', '  two body', '4. Three']);
  });

  it('moves a section forward and to the end', () => {
    const editor = editorFrom(SAMPLE);
    moveSectionTo(editor, idFor('One'), null);
    expect(numbered(editor)).toEqual(['  Preamble', '1. Two', '  two body', '2. Three', '3. One', '  one body', '3.1 One A', '3.2 One B', '3.2.1 One B i']);
  });

  it('ignores a drop onto itself or its own subsections, and is one undo step otherwise', () => {
    const editor = editorFrom(SAMPLE);
    const before = JSON.stringify(editor.children);
    expect(moveSectionTo(editor, idFor('One'), idFor('One B'))).toBeNull();
    expect(JSON.stringify(editor.children)).toBe(before);
    expectOneUndoRestores(editor, () => moveSectionTo(editor, idFor('Three'), idFor('One A')));
  });
});
