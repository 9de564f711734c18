import { Editor, Transforms, type Range } from 'slate';
import { describe, expect, it } from 'vitest';
import { slateToBlocks } from '../editor/convert';
import { editorFrom, idFor } from '../editor/test-editor';
import type { BlockElement } from '../editor/types';
import { carriesComment, commentIdsOf, markComment, rangeOf, sectionAt, unmarkComment } from './comment-commands';
import { textBlock } from '../../shared/testing/text-block';

/** The range of `part` inside the block whose text is `text`, however its leaves are split. */
function within(editor: Editor, text: string, part: string): Range {
  const index = editor.children.findIndex((_, i) => Editor.string(editor, [i]) === text);
  const offset = text.indexOf(part);
  const start = Editor.start(editor, [index]);
  const anchor = Editor.after(editor, start, { distance: offset, unit: 'character' }) ?? start;
  const focus = part.length === 0 ? anchor : (Editor.after(editor, anchor, { distance: part.length, unit: 'character' }) ?? anchor);
  return { anchor: offset === 0 ? start : anchor, focus: part.length === 0 && offset === 0 ? start : focus };
}

describe('commenting on text in the editor', () => {
  it('marks exactly the selected words, as one undo step, and keeps them in the stored runs', () => {
    const editor = editorFrom(['# Data', 'We keep logs for 30 days.']);
    expect(markComment(editor, within(editor, 'We keep logs for 30 days.', '30 days'), 'k-aaaaaa')).toBe(true);
    const stored = slateToBlocks(editor.children as BlockElement[])[1];
    expect(textBlock(stored).runs).toEqual([{ text: 'We keep logs for ' }, { text: '30 days', comments: ['k-aaaaaa'] }, { text: '.' }]);
    editor.undo();
    expect(textBlock(slateToBlocks(editor.children as BlockElement[])[1]).runs).toEqual([{ text: 'We keep logs for 30 days.' }]);
  });

  it('adds a second thread beside the first where they overlap', () => {
    const editor = editorFrom(['# Data', 'We keep logs for 30 days.']);
    markComment(editor, within(editor, 'We keep logs for 30 days.', 'logs for 30'), 'k-aaaaaa');
    markComment(editor, within(editor, 'We keep logs for 30 days.', '30 days'), 'k-bbbbbb');
    const runs = textBlock(slateToBlocks(editor.children as BlockElement[])[1]).runs;
    expect(runs).toEqual([
      { text: 'We keep ' },
      { text: 'logs for ', comments: ['k-aaaaaa'] },
      { text: '30', comments: ['k-aaaaaa', 'k-bbbbbb'] },
      { text: ' days', comments: ['k-bbbbbb'] },
      { text: '.' },
    ]);
    expect(commentIdsOf(editor.children[1] as BlockElement)).toEqual(['k-aaaaaa', 'k-bbbbbb']);
  });

  it('refuses an empty selection, and finds the section the caret is in for a whole-section comment', () => {
    const editor = editorFrom(['# Data', 'Body one.', '# Rights', 'Body two.']);
    const caret = within(editor, 'Body two.', '');
    expect(markComment(editor, caret, 'k-aaaaaa')).toBe(false);
    expect(sectionAt(editor, caret)).toBe(idFor('Rights'));
    expect(sectionAt(editor, within(editor, 'Data', 'Da'))).toBe(idFor('Data'));
  });

  it('finds the commented text again after the text around it changed, across blocks', () => {
    const editor = editorFrom(['# Data', 'First part.', 'Second part.']);
    markComment(editor, { anchor: { path: [1, 0], offset: 6 }, focus: { path: [2, 0], offset: 6 } }, 'k-aaaaaa');
    Transforms.insertText(editor, 'Now: ', { at: { path: [1, 0], offset: 0 } });
    const range = rangeOf(editor, carriesComment('k-aaaaaa'), 2);
    expect(range && Editor.string(editor, range)).toBe('part.Second');
    expect(rangeOf(editor, carriesComment('k-nothere'))).toBeNull();
  });

  it('marks a variable chip in the selection with the text around it', () => {
    const editor = editorFrom(['# Data', 'Ask ']);
    Transforms.insertNodes(editor, [{ type: 'variable', name: 'company', children: [{ text: '' }] }, { text: ' today' }], { at: Editor.end(editor, [1]) });
    markComment(editor, { anchor: Editor.start(editor, [1]), focus: Editor.end(editor, [1]) }, 'k-aaaaaa');
    const runs = textBlock(slateToBlocks(editor.children as BlockElement[])[1]).runs ?? [];
    expect(runs.every((run) => run.comments?.includes('k-aaaaaa'))).toBe(true);
    expect(runs.some((run) => 'variable' in run || JSON.stringify(run).includes('company'))).toBe(true);
  });

  it("takes a deleted thread's id off its text, leaving the other threads' marks, and the runs join again", () => {
    const editor = editorFrom(['# Data', 'We keep logs for 30 days.']);
    markComment(editor, within(editor, 'We keep logs for 30 days.', 'logs for 30'), 'k-aaaaaa');
    markComment(editor, within(editor, 'We keep logs for 30 days.', '30 days'), 'k-bbbbbb');
    unmarkComment(editor, 'k-aaaaaa');
    expect(textBlock(slateToBlocks(editor.children as BlockElement[])[1]).runs).toEqual([{ text: 'We keep logs for ' }, { text: '30 days', comments: ['k-bbbbbb'] }, { text: '.' }]);
  });
});
