import { describe, expect, it } from 'vitest';
import type { Editor} from 'slate';
import { createEditor, Node, Transforms, type Operation } from 'slate';
import { withReact, ReactEditor } from 'slate-react';
import { changesListNumbers } from './change-kinds';
import { ListNumberStore } from './list-numbers';
import type { BlockElement, ListItemElement } from './types';

const item = (text: string, list: 'bullet' | 'number' = 'number', indent = 0): ListItemElement => ({ type: 'list-item', list, indent, children: [{ text }] });
const para = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });

function numbersOf(blocks: BlockElement[]): Array<string | undefined> {
  const editor = withReact(createEditor());
  editor.children = blocks;
  const store = new ListNumberStore();
  store.update(editor);
  return blocks.map((block) => store.label(ReactEditor.findKey(editor, block)));
}

describe('ListNumberStore', () => {
  it('numbers a list straight through, however many blocks stand before it (no chunk edge restarts it)', () => {
    const blocks = [...Array.from({ length: 46 }, (_, i) => para(`p${i}`)), ...Array.from({ length: 6 }, (_, i) => item(`i${i}`))];
    expect(numbersOf(blocks).slice(46)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
  });

  it('restarts after a paragraph, keeps counting past a bullet (which shows its bullet), and letters the level below', () => {
    expect(numbersOf([item('a'), item('b'), item('•', 'bullet'), item('c'), item('c.a', 'number', 1), item('c.b', 'number', 1), item('d'), para('x'), item('e')])).toEqual([
      '1.', '2.', '•', '3.', 'a)', 'b)', '4.', undefined, '1.',
    ]);
  });

  it('writes into the page only the labels that changed', () => {
    const editor = withReact(createEditor());
    const blocks = [item('a'), item('b'), para('x'), item('c'), item('d')];
    editor.children = blocks;
    const written: Array<[string, string | undefined]> = [];
    const store = new ListNumberStore((changed, label) => written.push([Node.string(changed), label]));
    store.update(editor);
    expect(written).toEqual([['a', '1.'], ['b', '2.'], ['c', '1.'], ['d', '2.']]);
    written.length = 0;
    editor.children = [blocks[1]!, blocks[3]!, blocks[4]!];
    store.update(editor);
    expect(written).toEqual([['b', '1.'], ['c', '2.'], ['d', '3.']]);
    written.length = 0;
    editor.children = [blocks[1]!, blocks[3]!, blocks[2]!, blocks[4]!];
    store.update(editor);
    expect(written).toEqual([['d', '1.']]);
  });

  it('numbers the list as if every suggestion were accepted: an item suggested for deletion has no number', () => {
    const ana = { id: 'c-ana00001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
    expect(numbersOf([item('a'), { ...item('b'), change: { ...ana, kind: 'delete' } }, { ...item('n'), change: { ...ana, kind: 'insert' } }, item('c')])).toEqual([
      '1.', undefined, '2.', '3.',
    ]);
  });
});

describe('changesListNumbers', () => {
  /** Every label in document order, counted afresh. */
  const labels = (editor: Editor) => {
    const store = new ListNumberStore();
    store.update(editor);
    return (editor.children as BlockElement[]).map((block) => store.label(ReactEditor.findKey(editor, block)));
  };
  // Each edit, and whether it can change a label (the skip is only taken where it cannot).
  const edits: Array<[string, boolean, (editor: Editor) => void]> = [
    ['Enter in a paragraph between two lists', false, (e) => Transforms.splitNodes(e, { at: { path: [2, 0], offset: 1 }, always: true })],
    ['typing in an item', false, (e) => Transforms.insertText(e, 'x', { at: { path: [0, 0], offset: 0 } })],
    ['Enter in a list item', true, (e) => Transforms.splitNodes(e, { at: { path: [1, 0], offset: 1 }, always: true })],
    ['a paragraph inserted inside a list', true, (e) => Transforms.insertNodes(e, para('new'), { at: [1] })],
    ['the paragraph between two lists removed', true, (e) => Transforms.removeNodes(e, { at: [2] })],
    ['the paragraph between two lists joined to the item before it', true, (e) => Transforms.mergeNodes(e, { at: [2] })],
    ['a paragraph made a list item', true, (e) => Transforms.setNodes<ListItemElement>(e, { type: 'list-item', list: 'number', indent: 0 }, { at: [2] })],
    ['an item indented', true, (e) => Transforms.setNodes<ListItemElement>(e, { indent: 1 }, { at: [1] })],
    ['an item moved out of its list', true, (e) => Transforms.moveNodes(e, { at: [0], to: [4] })],
  ];
  it.each(edits)('%s: may change labels = %s; where it says no, a fresh count agrees', (_, mayChange, edit) => {
    const editor = withReact(createEditor());
    editor.children = [item('a'), item('b'), para('between'), item('c'), item('d')];
    const counted = labels(editor);
    const before = new Map((editor.children as BlockElement[]).map((block, i) => [ReactEditor.findKey(editor, block), counted[i]]));
    const ops: Operation[] = [];
    const { apply } = editor;
    editor.apply = (op) => {
      ops.push(op);
      apply(op);
    };
    edit(editor);
    expect(ops.some(changesListNumbers)).toBe(mayChange);
    if (mayChange) return;
    // Each block that was there before keeps its label; a new one (the split's second half) is no list item.
    const after = labels(editor);
    (editor.children as BlockElement[]).forEach((block, i) => {
      const key = ReactEditor.findKey(editor, block);
      expect(after[i]).toBe(before.has(key) ? before.get(key) : undefined);
    });
  });
  it('says the labels stay for Enter in a paragraph, and not for a paragraph inserted inside a list', () => {
    const split: Operation = { type: 'split_node', path: [2], position: 1, properties: { type: 'paragraph' } };
    const inserted: Operation = { type: 'insert_node', path: [1], node: para('new') };
    expect([changesListNumbers(split), changesListNumbers(inserted)]).toEqual([false, true]);
  });
});
