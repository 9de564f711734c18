import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import type { CommentThread } from '../../shared/model/document';
import { editorFrom } from '../editor/test-editor';
import { markComment } from './comment-commands';
import { ThreadHistory } from './thread-history';

const thread = (id: string): CommentThread => ({ id, by: 'Ana', at: '2026-12-04T10:00:00Z', text: 'Why?' });

function setUp() {
  const editor = editorFrom(['# Intro', 'We sell data.']);
  let threads: CommentThread[] = [];
  const history = new ThreadHistory(editor, () => threads, (next) => (threads = next));
  const comment = (id: string) => {
    const range = { anchor: { path: [1, 0], offset: 3 }, focus: { path: [1, 0], offset: 7 } };
    expect(markComment(editor, range, id)).toBe(true);
    threads = [...threads, thread(id)];
    history.marked(id);
  };
  return { editor, comment, threads: () => threads };
}

describe('a new comment and undo', () => {
  it('undoing the marking takes the thread away, and redo brings both back', () => {
    const { editor, comment, threads } = setUp();
    comment('k-first0001');
    editor.undo();
    expect(threads()).toEqual([]);
    expect(JSON.stringify(editor.children)).not.toContain('k-first0001');
    editor.redo();
    expect(threads().map((t) => t.id)).toEqual(['k-first0001']);
    expect(JSON.stringify(editor.children)).toContain('k-first0001');
  });

  it('an undo of a later edit leaves the thread, and deleting its words keeps it (orphaned)', async () => {
    const { editor, comment, threads } = setUp();
    comment('k-first0001');
    // The person types later, in a task of its own (Slate ends a change's batch when it flushes its operations).
    await Promise.resolve();
    Transforms.insertText(editor, ' Indeed.', { at: Editor.end(editor, [1]) });
    editor.undo();
    expect(threads().map((t) => t.id)).toEqual(['k-first0001']);
    Transforms.delete(editor, { at: { anchor: Editor.start(editor, [1]), focus: Editor.end(editor, [1]) } });
    expect(threads().map((t) => t.id)).toEqual(['k-first0001']);
  });
});
