import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { slateToBlocks } from '../editor/convert';
import { setSuggesting } from '../editor/suggesting';
import { editorFrom, idFor } from '../editor/test-editor';
import type { BlockElement } from '../editor/types';
import { resolveInEditor } from '../editor/resolve-in-editor';
import { sanitizeFragment } from '../editor/with-policy';
import { insertReference } from './reference-commands';
import { textBlock } from '../../shared/testing/text-block';

const runsOf = (editor: Editor, block: number) => textBlock(slateToBlocks(editor.children as BlockElement[])[block]).runs;
/** Slate starts a new undo step for a later task's edit, as a person's next key is. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const endOf = (editor: Editor, block: number) => Transforms.select(editor, Editor.end(editor, [block]));

describe('insertReference', () => {
  it('puts a reference by section id at the caret, with the caret after it, as one undo step', async () => {
    const editor = editorFrom(['# Scope', 'As set out in Section ', '# Security']);
    endOf(editor, 1);
    expect(insertReference(editor, idFor('Security'))).toBe(true);
    await tick();
    editor.insertText(', we keep');
    await tick();
    expect(runsOf(editor, 1)).toEqual([
      { text: 'As set out in Section ' },
      { text: `{{ref:${idFor('Security')}}}`, ref: idFor('Security') },
      { text: ', we keep' },
    ]);
    // The typing after it is a step of its own; one undo more takes the reference out, and nothing else.
    HistoryEditor.undo(editor);
    expect(runsOf(editor, 1)?.map((r) => r.text)).toEqual(['As set out in Section ', `{{ref:${idFor('Security')}}}`]);
    HistoryEditor.undo(editor);
    expect(runsOf(editor, 1)).toEqual([{ text: 'As set out in Section ' }]);
  });

  it('can show the title too, and replaces what it is given to replace (a completion)', () => {
    const editor = editorFrom(['# Scope', 'See Section 1 now']);
    insertReference(editor, idFor('Scope'), { refTitle: true, replacing: { anchor: { path: [1, 0], offset: 12 }, focus: { path: [1, 0], offset: 13 } } });
    expect(runsOf(editor, 1)).toEqual([{ text: 'See Section ' }, { text: `{{ref:${idFor('Scope')}}}`, ref: idFor('Scope'), refTitle: true }, { text: ' now' }]);
    HistoryEditor.undo(editor);
    expect(runsOf(editor, 1)).toEqual([{ text: 'See Section 1 now' }]);
  });

  it('is one unit: Backspace just after it removes it whole, and the text around it closes up', () => {
    const editor = editorFrom(['# Scope', 'See ']);
    endOf(editor, 1);
    insertReference(editor, idFor('Scope'));
    editor.insertText('.');
    Transforms.move(editor, { distance: 1, reverse: true });
    editor.deleteBackward('character');
    expect(runsOf(editor, 1)).toEqual([{ text: 'See .' }]);
  });

  it('while suggesting, is a suggested insertion (the reviewer’s own, so Backspace really removes it), after the text it replaces, marked deleted', () => {
    const editor = editorFrom(['# Scope', 'See Section 1']);
    setSuggesting(editor, true, () => 'Ana', () => '2026-12-04T10:00:00Z');
    insertReference(editor, idFor('Scope'), { replacing: { anchor: { path: [1, 0], offset: 12 }, focus: { path: [1, 0], offset: 13 } } });
    const runs = runsOf(editor, 1) ?? [];
    expect(runs.map((r) => [r.text, r.ins?.by ?? null, r.del?.by ?? null])).toEqual([
      ['See Section ', null, null],
      ['1', null, 'Ana'],
      [`{{ref:${idFor('Scope')}}}`, 'Ana', null],
    ]);
    // Backspace on one's own suggested reference really removes it.
    endOf(editor, 1);
    editor.deleteBackward('character');
    expect(runsOf(editor, 1)?.some((r) => r.ref !== undefined)).toBe(false);
  });

  it('while suggesting, is settled as any suggestion: rejecting takes the reference out, accepting keeps it plain', () => {
    for (const decision of ['reject', 'accept'] as const) {
      const editor = editorFrom(['# Scope', 'See ']);
      setSuggesting(editor, true, () => 'Ana', () => '2026-12-04T10:00:00Z');
      endOf(editor, 1);
      insertReference(editor, idFor('Scope'));
      expect(resolveInEditor(editor, () => decision)).toBe(1);
      expect(runsOf(editor, 1)).toEqual(decision === 'reject' ? [{ text: 'See ' }] : [{ text: 'See ' }, { text: `{{ref:${idFor('Scope')}}}`, ref: idFor('Scope') }]);
    }
  });

  it('while suggesting, Backspace over another person’s reference marks it deleted and keeps it', () => {
    const editor = editorFrom(['# Scope', 'See ']);
    endOf(editor, 1);
    insertReference(editor, idFor('Scope'));
    setSuggesting(editor, true, () => 'Ben', () => '2026-12-04T10:00:00Z');
    endOf(editor, 1);
    editor.deleteBackward('character');
    expect(runsOf(editor, 1)?.find((r) => r.ref !== undefined)?.del?.by).toBe('Ben');
  });
});

describe('insertReference in approved clause text', () => {
  it('refuses, leaving the locked text as it was', () => {
    const editor = editorFrom(['# Scope', 'Approved wording.']);
    Transforms.setNodes(editor, { clause: { use: 'u-abcdef0001', id: 'contact', source: 'project', version: 1, state: 'locked' } }, { at: [1] });
    endOf(editor, 1);
    expect(insertReference(editor, idFor('Scope'))).toBe(false);
    expect(runsOf(editor, 1)).toEqual([{ text: 'Approved wording.' }]);
  });
});

describe('copying references within the app', () => {
  it('keeps a copied reference a reference (its id checked), and drops a forged one', () => {
    const pasted = sanitizeFragment(
      [
        {
          type: 'paragraph',
          children: [
            { text: 'See ' },
            { type: 'reference', ref: 's-scope00001', refTitle: true, children: [{ text: '' }] },
            { type: 'reference', ref: '<img onerror=x>', children: [{ text: '' }] },
            { text: '.' },
          ],
        },
      ],
      new Set(),
    );
    expect(pasted).toEqual([
      { type: 'paragraph', children: [{ text: 'See ' }, { type: 'reference', ref: 's-scope00001', refTitle: true, children: [{ text: '' }] }, { text: '' }, { text: '.' }] },
    ]);
  });
});
