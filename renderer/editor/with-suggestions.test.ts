import { describe, expect, it } from 'vitest';
import { Editor, Transforms, type BaseRange } from 'slate';
import { HistoryEditor } from 'slate-history';
import { acceptAll, rejectAll } from '../../shared/review/resolve';
import { hasSuggestions } from '../../shared/review/suggestions';
import { slateToBlocks } from './convert';
import { setSuggesting } from './suggesting';
import { applyClauseEdit } from '../../shared/clauses/versioning';
import type { LibraryClause } from '../../shared/clauses/library';
import { textToRuns } from '../../shared/model/variables';
import { planReplaceAll } from '../../shared/find/find';
import { blockText } from '../find/block-text';
import { applyReplacements } from '../find/replace-text';
import { insertClause } from './clause-commands';
import { onRefusal, withClauseLock } from './clause-lock';
import { indentListItem } from './marks';
import { resolveInEditor } from './resolve-in-editor';
import { demoteSection, insertSection, moveSection, moveSectionTo, promoteSection } from './section-commands';
import { editorFrom, idFor } from './test-editor';
import type { BlockElement, PolicyEditor } from './types';

const AT = '2026-12-04T10:00:00Z';

function clause(text: string): LibraryClause {
  const base = applyClauseEdit(null, { id: 'contact', title: 'Contact us', status: 'approved', tags: { topic: [], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: textToRuns(text) }] }, '2026-11-20');
  return { ...base, version: 1, source: 'project', file: 'contact.clause.json', undefinedVariables: [] };
}

function suggestingEditor(lines: string[], by = 'Ana'): PolicyEditor {
  const editor = editorFrom(lines);
  setSuggesting(editor, true, () => by, () => AT);
  return editor;
}

const stored = (editor: Editor) => ({ blocks: slateToBlocks(editor.children as BlockElement[]) });
/** New section and clause-use ids are random: the two editors make different ones. */
const withoutNewIds = (doc: unknown) => JSON.parse(JSON.stringify(doc).replace(/"([su])-[a-z0-9]{10}"/g, '"$1-new"')) as unknown;
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
function checkSuggestion(lines: string[], action: (editor: PolicyEditor) => void, expected?: string[], prepare: (editor: PolicyEditor) => void = () => undefined) {
  const plain = editorFrom(lines);
  prepare(plain);
  action(plain);
  const editor = editorFrom(lines);
  prepare(editor);
  setSuggesting(editor, true, () => 'Ana', () => AT);
  const original = stored(editor);
  action(editor);
  const after = stored(editor);
  expect(after.blocks.some(hasSuggestions), 'something is suggested').toBe(true);
  expect(withoutNewIds(acceptAll(after))).toEqual(withoutNewIds(stored(plain)));
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

describe('suggesting: replace', () => {
  it('replace all is one suggestion per match, the new text after the old, one undo step', () => {
    const replaceAll = (e: PolicyEditor) => {
      const texts = (e.children as BlockElement[]).map(blockText);
      const plan = planReplaceAll(texts, { text: 'data', matchCase: false, wholeWord: true, regex: false }, 'information', () => true);
      if ('problem' in plan) throw new Error(plan.problem);
      applyReplacements(e, plan.edits);
    };
    checkSuggestion(['# Data', 'We sell data. Data is kept.', 'No data here.'], replaceAll, ['# information', 'We sell information. information is kept.', 'No information here.']);
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

  it('superscript over a subscript is one format suggestion that clears the subscript and remembers the marks before', () => {
    const editor = suggestingEditor(['E = mc2']);
    select(editor, [0, 6], [0, 7]);
    Editor.addMark(editor, 'subscript', true);
    select(editor, [0, 6], [0, 7]);
    Editor.addMark(editor, 'superscript', true);
    const leaves = [...Editor.nodes(editor, { at: [0], match: (n) => 'text' in n })].map(([n]) => n as Record<string, unknown>);
    const two = leaves.find((leaf) => leaf.text === '2');
    expect(two?.superscript).toBe(true);
    expect(two?.subscript).toBeUndefined();
    // the marks before both suggestions: none, so rejecting brings plain text back
    expect(two?.formatted).toEqual({ id: expect.stringMatching(/^c-/), by: 'Ana', at: AT, was: [] });
  });
});

describe('suggesting: sections, lists and clauses', () => {
  const OUTLINE = ['Preamble', '# One', 'one body', '## One A', '# Two', 'two body', '# Three'];

  it('a new section is an inserted heading and body', () => {
    checkSuggestion(OUTLINE, (e) => {
      caret(e, 2, 3);
      insertSection(e, false);
      e.insertText('Added');
    });
  });

  it('moving a section leaves it at its old place as move-from and puts a move-to copy, same id, at the new', () => {
    const editor = checkSuggestion(OUTLINE, (e) => {
      caret(e, 4, 1);
      moveSection(e, 'up');
    });
    caret(editor, 4, 1);
    moveSection(editor, 'up');
    const nodes = editor.children as BlockElement[];
    expect(nodes.map((n) => n.change?.kind ?? '-')).toEqual(['-', 'move-to', 'move-to', '-', '-', '-', 'move-from', 'move-from', '-']);
    expect((nodes[1] as { id?: string }).id).toBe((nodes[6] as { id?: string }).id);
    // The caret went with the section: moving it again is a plain move of the reviewer's own moved text.
    expect(editor.selection?.anchor.path[0]).toBe(1);
    moveSection(editor, 'down');
    expect(texts(acceptAll(stored(editor)))).toEqual(['Preamble', '# One', 'one body', '# One A', '# Two', 'two body', '# Three']);
    checkSuggestion(OUTLINE, (e) => {
      caret(e, 1, 1);
      moveSection(e, 'down');
    });
    checkSuggestion(OUTLINE, (e) => {
      moveSectionTo(e, idFor('Three'), idFor('One'));
    });
    checkSuggestion(OUTLINE, (e) => {
      moveSectionTo(e, idFor('One A'), idFor('Three'));
    });
  });

  it('promoting and demoting record the level before', () => {
    const editor = checkSuggestion(OUTLINE, (e) => {
      caret(e, 4, 1);
      demoteSection(e);
    });
    caret(editor, 4, 1);
    demoteSection(editor);
    expect((editor.children[4] as BlockElement & { relevel?: { was: number } }).relevel?.was).toBe(1);
    promoteSection(editor);
    expect((editor.children[4] as BlockElement & { relevel?: unknown }).relevel).toBeUndefined();
    checkSuggestion(OUTLINE, (e) => {
      caret(e, 3, 1);
      promoteSection(e);
    });
  });

  it('indenting a list item records the indent before', () => {
    const asList = (e: PolicyEditor) => {
      e.children = [e.children[0] as BlockElement, { type: 'list-item', list: 'bullet', indent: 0, children: [{ text: 'item' }] }];
    };
    checkSuggestion(
      ['# A', 'x'],
      (e) => {
        caret(e, 1, 2);
        indentListItem(e, 1);
      },
      undefined,
      asList,
    );
  });

  it('an inserted clause is an inserted block, and text in an approved clause stays locked', () => {
    const editor = checkSuggestion(['# Intro', 'Before.', 'After.'], (e) => {
      caret(e, 1, 7);
      insertClause(e, clause('Write to us.'), 'body');
    });
    insertClause(editor, clause('Write to us.'), 'body');
    const locked = withClauseLock(editor);
    const refused: string[] = [];
    onRefusal(locked, (message) => refused.push(message));
    caret(locked, 2, 3);
    locked.insertText('x');
    locked.deleteBackward('character');
    expect(refused).toHaveLength(2);
    expect(Editor.string(locked, [2])).toBe('Write to us.');
    expect(resolveInEditor(locked, () => 'reject')).toBe(1);
    expect(texts(stored(locked))).toEqual(['# Intro', 'Before.', 'After.']);
  });

  it('Enter at the edge of an approved clause suggests a new paragraph; Backspace next to it suggests deleting an empty one', () => {
    const withClause = (e: PolicyEditor) => {
      caret(e, 1, 7);
      insertClause(e, clause('Write to us.'), 'body');
      withClauseLock(e);
    };
    checkSuggestion(
      ['# Intro', 'Before.', 'After.'],
      (e) => {
        caret(e, 2, 12);
        e.insertBreak();
      },
      ['# Intro', 'Before.', 'Write to us.', '', 'After.'],
      withClause,
    );
    checkSuggestion(
      ['# Intro', 'Before.', '', 'After.'],
      (e) => {
        caret(e, 3, 0);
        e.deleteBackward('character');
      },
      ['# Intro', 'Before.', 'Write to us.', 'After.'],
      (e) => {
        caret(e, 1, 7);
        insertClause(e, clause('Write to us.'), 'body');
        withClauseLock(e);
      },
    );
  });
});
