import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { applyClauseEdit } from '../../shared/clauses/versioning';
import { textToRuns } from '../../shared/model/variables';
import type { LibraryClause } from '../../shared/clauses/library';
import { editorFrom } from './test-editor';
import { LOCKED_MESSAGE, onRefusal, withClauseLock } from './clause-lock';
import { insertClause, unlinkClause, updateClause } from './clause-commands';
import { slateToBlocks } from './convert';
import type { BlockElement } from './types';
import { textBlock } from '../../shared/testing/text-block';

function clause(status: LibraryClause['status'], text: string, version = 1): LibraryClause {
  const base = applyClauseEdit(null, { id: 'contact', title: 'Contact us', status, tags: { topic: [], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: textToRuns(text) }] }, '2026-11-20');
  return { ...base, version, source: 'project', file: 'contact.clause.json', undefinedVariables: [] };
}

function setup(status: LibraryClause['status'] = 'approved') {
  const editor = withClauseLock(editorFrom(['# Intro', 'Before.', 'After.']));
  const refused: string[] = [];
  onRefusal(editor, (message) => refused.push(message));
  Transforms.select(editor, Editor.end(editor, [1]));
  expect(insertClause(editor, clause(status, 'Write to {{contact_email}} today.'), 'body')).toBeNull();
  return { editor, refused, text: () => (editor.children as BlockElement[]).map((_, i) => Editor.string(editor, [i])) };
}

// Slate-history joins the operations of one tick into one undo step; a person's actions are ticks apart.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const useId = (editor: Editor) => (editor.children[2] as BlockElement).clause?.use ?? '';

describe('locked clauses in the editor', () => {
  it('insert a clause as one undo step, with its variable as a chip and a link to the clause and version', () => {
    const { editor } = setup();
    const [block] = slateToBlocks([editor.children[2] as BlockElement]);
    expect(block).toMatchObject({ kind: 'paragraph', clause: { id: 'contact', version: 1, state: 'locked', source: 'project' } });
    expect(textBlock(block).runs).toEqual([{ text: 'Write to ' }, { text: '{{contact_email}}', variable: 'contact_email' }, { text: ' today.' }]);
    HistoryEditor.undo(editor);
    expect(editor.children).toHaveLength(3);
  });

  it('refuse typing, Backspace, Delete, Enter inside, paste and cut, with the reason', () => {
    const { editor, refused, text } = setup();
    const before = text();
    Transforms.select(editor, { path: [2, 0], offset: 3 });
    editor.insertText('x');
    editor.deleteBackward('character');
    editor.deleteForward('character');
    editor.insertBreak();
    editor.insertSoftBreak();
    editor.insertFragment([{ type: 'paragraph', children: [{ text: 'pasted' }] }]);
    Transforms.select(editor, { anchor: { path: [1, 0], offset: 2 }, focus: { path: [2, 0], offset: 4 } });
    editor.deleteFragment();
    editor.addMark('bold', true);
    expect(text()).toEqual(before);
    expect(refused).toHaveLength(8);
    expect(refused[0]).toBe(LOCKED_MESSAGE);
  });

  it('refuse Backspace that would merge the next paragraph into the clause, but let Enter at its end open a new paragraph', () => {
    const { editor, refused, text } = setup();
    Transforms.select(editor, Editor.start(editor, [3]));
    editor.deleteBackward('character');
    expect(refused).toHaveLength(1);
    Transforms.select(editor, Editor.end(editor, [2]));
    editor.insertBreak();
    editor.insertText('New words.');
    expect(text()).toEqual(['Intro', 'Before.', 'Write to  today.', 'New words.', 'After.']);
  });

  it('let a selection that takes in the whole clause delete it', () => {
    const { editor, refused } = setup();
    Transforms.select(editor, { anchor: Editor.start(editor, [2]), focus: Editor.end(editor, [2]) });
    editor.deleteFragment();
    expect(refused).toEqual([]);
    expect((editor.children as BlockElement[]).some((b) => b.clause)).toBe(false);
  });

  it('unlink to edit: ordinary text from then on, one undo step, remembering clause and version', async () => {
    const { editor, refused, text } = setup();
    await tick();
    expect(unlinkClause(editor, useId(editor))).toBeNull();
    await tick();
    expect((editor.children[2] as BlockElement).clause).toMatchObject({ id: 'contact', version: 1, state: 'unlinked' });
    Transforms.select(editor, Editor.end(editor, [2]));
    editor.insertText(' Edited.');
    expect(text()[2]).toBe('Write to  today. Edited.');
    expect(refused).toEqual([]);
    await tick();
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    expect((editor.children[2] as BlockElement).clause?.state).toBe('locked');
  });

  it('leave a draft clause editable but linked', () => {
    const { editor, refused, text } = setup('draft');
    Transforms.select(editor, Editor.end(editor, [2]));
    editor.insertText('!');
    expect(text()[2]).toBe('Write to  today.!');
    expect((editor.children[2] as BlockElement).clause?.state).toBe('linked');
    expect(refused).toEqual([]);
  });

  it('update replaces the wording with the new version, keeping the use, as one undo step', () => {
    const { editor, text } = setup();
    const id = useId(editor);
    expect(updateClause(editor, id, clause('approved', 'Email {{contact_email}} or call us.', 2))).toBeNull();
    expect(text()[2]).toBe('Email  or call us.');
    expect((editor.children[2] as BlockElement).clause).toMatchObject({ use: id, version: 2, state: 'locked' });
    HistoryEditor.undo(editor);
    expect(text()[2]).toBe('Write to  today.');
  });

  it('insert as a new section after the current one, with the clause title as its heading', () => {
    const editor = withClauseLock(editorFrom(['# Intro', 'Text.', '# Last']));
    Transforms.select(editor, Editor.end(editor, [1]));
    insertClause(editor, clause('approved', 'Body.'), 'section');
    const blocks = slateToBlocks(editor.children as BlockElement[]);
    expect(blocks.map((b) => [b.kind, textBlock(b).runs.map((r) => r.text).join(''), b.clause?.state ?? '-'])).toEqual([
      ['heading', 'Intro', '-'],
      ['paragraph', 'Text.', '-'],
      ['heading', 'Contact us', 'locked'],
      ['paragraph', 'Body.', 'locked'],
      ['heading', 'Last', '-'],
    ]);
  });
});
