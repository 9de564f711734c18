import { describe, expect, it } from 'vitest';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { changesSections } from './change-kinds';
import { runEditorCommand } from './run-command';
import { SectionNumberStore } from './section-numbers';
import { setSuggesting } from './suggesting';
import { cursorIn, editorFrom, idFor } from './test-editor';
import type { BlockElement } from './types';
import { caretHeadingNumbered, NOT_A_HEADING_MESSAGE, NUMBERING_NOT_SUGGESTIBLE_MESSAGE } from './heading-numbering';

const DOC = ['# Summary', 'In short.', '# Definitions', '## Data', '# Scope', 'Body.'];

/** The outline as the store gives it: "label title" per heading ("" for one that takes no number). */
function outline(editor: Editor): string[] {
  const store = new SectionNumberStore();
  store.update(editor.children as BlockElement[], 'decimal');
  return store.getOutline().map((item) => `${item.label}|${item.title}`);
}

describe('Number this heading', () => {
  it('takes the number away, and the headings after it number as if it were not there', () => {
    const editor = editorFrom(DOC);
    expect(outline(editor)).toEqual(['1.|Summary', '2.|Definitions', '2.1|Data', '3.|Scope']);
    cursorIn(editor, 'Summary');
    expect(caretHeadingNumbered(editor)).toBe(true);
    expect(runEditorCommand(editor, 'toggleHeadingNumber')).toBeNull();
    expect(caretHeadingNumbered(editor)).toBe(false);
    expect(outline(editor)).toEqual(['|Summary', '1.|Definitions', '1.1|Data', '2.|Scope']);
    // The same switch numbers it again.
    runEditorCommand(editor, 'toggleHeadingNumber');
    expect(outline(editor)).toEqual(['1.|Summary', '2.|Definitions', '2.1|Data', '3.|Scope']);
  });

  it('is one undo step, and the store hears of it (changesSections)', () => {
    const editor = editorFrom(DOC);
    cursorIn(editor, 'Definitions');
    const before = editor.operations.length;
    runEditorCommand(editor, 'toggleHeadingNumber');
    expect(editor.operations.slice(before).some(changesSections)).toBe(true);
    expect((editor.children[2] as BlockElement & { unnumbered?: true }).unnumbered).toBe(true);
    expect(outline(editor)).toEqual(['1.|Summary', '|Definitions', '1.1|Data', '2.|Scope']);
    HistoryEditor.undo(editor);
    expect('unnumbered' in (editor.children[2] as object)).toBe(false);
    expect(outline(editor)).toEqual(['1.|Summary', '2.|Definitions', '2.1|Data', '3.|Scope']);
  });

  it('switches every heading of a selection, all off while any is numbered', () => {
    const editor = editorFrom(DOC);
    Transforms.select(editor, { anchor: Editor.start(editor, [0]), focus: Editor.end(editor, [3]) });
    runEditorCommand(editor, 'toggleHeadingNumber');
    expect(outline(editor)).toEqual(['|Summary', '|Definitions', '|Data', '1.|Scope']);
  });

  it('says why outside a heading, and while suggesting', () => {
    const editor = editorFrom(DOC);
    cursorIn(editor, 'In short.');
    expect(caretHeadingNumbered(editor)).toBeNull();
    expect(runEditorCommand(editor, 'toggleHeadingNumber')).toBe(NOT_A_HEADING_MESSAGE);
    cursorIn(editor, 'Scope');
    setSuggesting(editor, true);
    expect(runEditorCommand(editor, 'toggleHeadingNumber')).toBe(NUMBERING_NOT_SUGGESTIBLE_MESSAGE);
    expect(outline(editor)).toEqual(['1.|Summary', '2.|Definitions', '2.1|Data', '3.|Scope']);
  });

  it('keeps a copied heading unnumbered when pasted (with a new id)', () => {
    const editor = editorFrom(DOC);
    cursorIn(editor, 'Summary');
    runEditorCommand(editor, 'toggleHeadingNumber');
    cursorIn(editor, 'Body.');
    editor.insertFragment([{ type: 'paragraph', children: [{ text: '' }] }, { ...(editor.children[0] as BlockElement) }]);
    const pasted = (editor.children as BlockElement[]).filter((node) => node.type === 'heading' && node.unnumbered);
    expect(pasted).toHaveLength(2);
    expect(pasted[1]?.type === 'heading' && pasted[1].id).not.toBe(idFor('Summary'));
  });
});
