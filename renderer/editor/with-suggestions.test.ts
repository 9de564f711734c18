import { describe, expect, it } from 'vitest';
import { Editor, Transforms, type BaseRange } from 'slate';
import { HistoryEditor } from 'slate-history';
import { acceptAll, rejectAll } from '../../shared/review/resolve';
import { slateToBlocks } from './convert';
import { setSuggesting } from './suggesting';
import { editorFrom } from './test-editor';
import type { BlockElement, PolicyEditor } from './types';

const AT = '2026-12-04T10:00:00Z';

function suggestingEditor(lines: string[], by = 'Ana'): PolicyEditor {
  const editor = editorFrom(lines);
  setSuggesting(editor, true, () => by, () => AT);
  return editor;
}

const stored = (editor: Editor) => ({ blocks: slateToBlocks(editor.children as BlockElement[]) });
const texts = (doc: { blocks: ReturnType<typeof slateToBlocks> }) => doc.blocks.map((b) => `${b.kind === 'heading' ? '# ' : ''}${b.runs.map((r) => r.text).join('')}`);

/** A point in block `block` at character `offset` of its text, whatever runs it is split into. */
function pointAt(editor: Editor, block: number, offset: number) {
  let left = offset;
  for (const [node, path] of Editor.nodes(editor, { at: [block], match: (n) => 'text' in n })) {
    const length = (node as { text: string }).text.length;
    if (left <= length) return { path, offset: left };
    left -= length;
  }
  return Editor.end(editor, [block]);
}
const caret = (editor: Editor, block: number, offset: number) => Transforms.select(editor, pointAt(editor, block, offset));
const select = (editor: Editor, from: [number, number], to: [number, number]): BaseRange => {
  const range = { anchor: pointAt(editor, ...from), focus: pointAt(editor, ...to) };
  Transforms.select(editor, range);
  return range;
};

/**
 * The rule every suggestion action keeps: with everything accepted the document is what the same edit made without
 * suggesting gives; with everything rejected it is the original; and one undo brings the original back.
 */
function checkSuggestion(lines: string[], action: (editor: PolicyEditor) => void, expected?: string[]) {
  const plain = editorFrom(lines);
  action(plain);
  const editor = suggestingEditor(lines);
  const original = stored(editor);
  action(editor);
  const after = stored(editor);
  expect(after.blocks.some((b) => b.change || b.runs.some((r) => r.ins || r.del || r.formatted)), 'something is suggested').toBe(true);
  expect(acceptAll(after)).toEqual(stored(plain));
  expect(rejectAll(after)).toEqual(original);
  if (expected) expect(texts(acceptAll(after))).toEqual(expected);
  HistoryEditor.undo(editor);
  expect(stored(editor)).toEqual(original);
  return editor;
}

describe('suggesting: typing', () => {
  it('records typed text as one insertion, continued while typing on, one undo step', () => {
    const editor = checkSuggestion(
      ['# Scope', 'We sell data.'],
      (e) => {
        caret(e, 1, 3);
        for (const letter of 'never ') e.insertText(letter);
      },
      ['# Scope', 'We never sell data.'],
    );
    expect(editor.history.undos.length).toBe(0);
  });

  it('continues the same suggestion id for every letter', () => {
    const editor = suggestingEditor(['We sell data.']);
    caret(editor, 0, 3);
    for (const letter of 'never ') editor.insertText(letter);
    const runs = stored(editor).blocks[0]?.runs ?? [];
    expect(runs.map((r) => [r.text, r.ins?.by])).toEqual([
      ['We ', undefined],
      ['never ', 'Ana'],
      ['sell data.', undefined],
    ]);
    expect(editor.history.undos.length).toBe(1);
  });

  it('typing at the end of a block, and after another reviewer’s insertion, starts a new one', () => {
    checkSuggestion(['We sell data.'], (e) => {
      caret(e, 0, 13);
      e.insertText(' Rarely.');
    });
    const editor = suggestingEditor(['x']);
    editor.children = [{ type: 'paragraph', children: [{ text: 'We ' }, { text: 'do', ins: { id: 'c-ben00001', by: 'Ben', at: AT } }, { text: ' it.' }] }];
    caret(editor, 0, 5);
    editor.insertText('!');
    const runs = stored(editor).blocks[0]?.runs ?? [];
    expect(runs.map((r) => [r.text, r.ins?.by])).toEqual([
      ['We ', undefined],
      ['do', 'Ben'],
      ['!', 'Ana'],
      [' it.', undefined],
    ]);
  });

  it('typing over a selection deletes it and inserts, one undo step', () => {
    checkSuggestion(
      ['We sell data.'],
      (e) => {
        select(e, [0, 3], [0, 7]);
        e.insertText('share');
      },
      ['We share data.'],
    );
  });
});

describe('suggesting: deleting', () => {
  it('Backspace marks the letter deleted and moves past it; text already deleted is stepped over', () => {
    const editor = checkSuggestion(
      ['We sell data.'],
      (e) => {
        caret(e, 0, 7);
        e.deleteBackward('character');
      },
      ['We sel data.'],
    );
    caret(editor, 0, 7);
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    expect(texts(acceptAll(stored(editor)))).toEqual(['We se data.']);
    expect(texts(rejectAll(stored(editor)))).toEqual(['We sell data.']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, 0, 5));
  });

  it('Delete and Ctrl+Backspace mark deletions too', () => {
    checkSuggestion(['We sell data.'], (e) => {
      caret(e, 0, 3);
      e.deleteForward('character');
    });
    checkSuggestion(['We sell data.'], (e) => {
      caret(e, 0, 7);
      e.deleteBackward('word');
    });
  });

  it('the reviewer’s own inserted text really goes', () => {
    const editor = suggestingEditor(['We sell data.']);
    caret(editor, 0, 3);
    for (const letter of 'not ') editor.insertText(letter);
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    const runs = stored(editor).blocks[0]?.runs ?? [];
    expect(runs.map((r) => [r.text, !!r.ins, !!r.del])).toEqual([
      ['We ', false, false],
      ['no', true, false],
      ['sell data.', false, false],
    ]);
  });

  it('deleting a selection over blocks keeps them apart until accepted', () => {
    checkSuggestion(
      ['# Scope', 'First part.', 'Middle.', 'Last part.'],
      (e) => {
        select(e, [1, 6], [3, 5]);
        e.deleteFragment();
      },
      ['# Scope', 'First part.'],
    );
    checkSuggestion(['# Scope', 'One.', 'Two.', 'Three.'], (e) => {
      select(e, [1, 0], [3, 6]);
      e.deleteFragment();
    });
  });

  it('Backspace at the start of a block moves to the previous block without joining; an empty block is suggested for deletion', () => {
    const editor = suggestingEditor(['One.', 'Two.']);
    caret(editor, 1, 0);
    editor.deleteBackward('character');
    expect(texts(stored(editor))).toEqual(['One.', 'Two.']);
    expect(editor.selection?.anchor).toEqual(pointAt(editor, 0, 4));
    checkSuggestion(['One.', '', 'Two.'], (e) => {
      caret(e, 1, 0);
      e.deleteBackward('character');
    });
  });
});

describe('suggesting: Enter, paste, formatting', () => {
  it('Enter in a paragraph makes a new inserted block with the rest of the text', () => {
    const editor = checkSuggestion(
      ['# Scope', 'We sell data. We keep it.'],
      (e) => {
        caret(e, 1, 14);
        e.insertBreak();
      },
      ['# Scope', 'We sell data. ', 'We keep it.'],
    );
    expect(editor.children.length).toBe(2);
  });

  it('Enter in a heading opens its body as a suggestion; typing there continues it', () => {
    checkSuggestion(['# Scope of it', 'Body.'], (e) => {
      caret(e, 0, 5);
      e.insertBreak();
      e.insertText('x');
    });
    checkSuggestion(['Body.'], (e) => {
      caret(e, 0, 5);
      e.insertBreak();
      for (const letter of 'New') e.insertText(letter);
    });
  });

  it('pasting one block or several is an insertion', () => {
    checkSuggestion(['We sell data.'], (e) => {
      caret(e, 0, 3);
      e.insertFragment([{ type: 'paragraph', children: [{ text: 'never ', bold: true }] }]);
    });
    checkSuggestion(['We sell data.'], (e) => {
      caret(e, 0, 3);
      e.insertFragment([
        { type: 'paragraph', children: [{ text: 'A' }] },
        { type: 'paragraph', children: [{ text: 'B' }] },
      ]);
    });
  });

  it('bold over a selection is a format suggestion that remembers the marks before', () => {
    checkSuggestion(['We sell data.'], (e) => {
      select(e, [0, 3], [0, 7]);
      Editor.addMark(e, 'bold', true);
    });
    const again = suggestingEditor(['We sell data.']);
    select(again, [0, 3], [0, 7]);
    Editor.addMark(again, 'bold', true);
    expect(stored(again).blocks[0]?.runs[1]).toEqual({ text: 'sell', marks: ['bold'], formatted: { id: expect.stringMatching(/^c-/), by: 'Ana', at: AT, was: [] } });
  });
});
