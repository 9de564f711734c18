import { describe, expect, it } from 'vitest';
import { createEditor, Node } from 'slate';
import { withReact, ReactEditor } from 'slate-react';
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
