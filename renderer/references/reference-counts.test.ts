import { describe, expect, it } from 'vitest';
import { Transforms, type Operation } from 'slate';
import { HistoryEditor } from 'slate-history';
import { editorFrom, idFor } from '../editor/test-editor';
import type { BlockElement } from '../editor/types';
import { changesReferences, ReferenceCounts } from './reference-counts';
import { insertReference } from './reference-commands';

/** Slate starts a new undo step for a later task's edit, as a person's next key is. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReferenceCounts', () => {
  it('counts the references to each section, tells the outline only when a count changed, and follows undo', async () => {
    const editor = editorFrom(['# Scope', 'See ', '# Security', 'And ']);
    const counts = new ReferenceCounts();
    const ops: Operation[] = [];
    const { apply } = editor;
    editor.apply = (op) => {
      ops.push(op);
      apply(op);
    };
    let told = 0;
    counts.subscribe(() => (told += 1));
    const refresh = () => {
      if (ops.some(changesReferences)) counts.update(editor.children as BlockElement[]);
      ops.length = 0;
    };
    for (const block of [1, 3]) {
      Transforms.select(editor, { path: [block, 0], offset: 4 });
      insertReference(editor, idFor('Scope'));
      refresh();
      await tick();
    }
    expect(counts.count(idFor('Scope'))).toBe(2);
    expect(counts.count(idFor('Security'))).toBe(0);
    expect(told).toBe(2);
    const before = counts.getCounts();
    // A recount that finds the same counts tells no one and keeps the snapshot, so the outline does not re-render.
    counts.update(editor.children as BlockElement[]);
    expect(told).toBe(2);
    expect(counts.getCounts()).toBe(before);
    // Typing after a reference is never a reason to count again.
    editor.insertText('more');
    expect(ops.some(changesReferences)).toBe(false);
    await tick();
    HistoryEditor.undo(editor);
    HistoryEditor.undo(editor);
    refresh();
    expect(counts.count(idFor('Scope'))).toBe(1);
    expect(told).toBe(3);
  });
});
