import { createEditor, Editor, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { compileQuery, findInTexts, planReplaceAll, VARIABLE_MARK, type FindQuery } from '../../shared/find/find';
import type { BlockElement, PolicyEditor } from '../editor/types';
import { blockText, rangeOf } from './block-text';
import { applyReplacements } from './replace-text';

const query = (text: string, more: Partial<FindQuery> = {}): FindQuery => ({ text, matchCase: false, wholeWord: false, regex: false, ...more });

function editorWith(blocks: BlockElement[]): PolicyEditor {
  const editor = withHistory(createEditor()) as PolicyEditor;
  editor.isInline = (element) => element.type === 'link' || element.type === 'variable';
  editor.isVoid = (element) => element.type === 'variable';
  editor.children = blocks;
  return editor;
}

const LOCKED = { use: 'u-abcdef', id: 'retention', source: 'project', version: 1, state: 'locked' } as const;

function sample(): PolicyEditor {
  return editorWith([
    { type: 'paragraph', children: [{ text: 'Keep the ré' }, { text: 'sum', bold: true }, { text: 'é of the data.' }] },
    { type: 'paragraph', children: [{ text: 'Dear ' }, { type: 'variable', name: 'company', children: [{ text: '' }] }, { text: ', the ' }, { type: 'link', href: 'https://example.com', children: [{ text: 'the site' }] }, { text: ' here.' }] },
    { type: 'paragraph', clause: LOCKED, children: [{ text: 'Approved: the records.' }] },
  ]);
}

function replaceAll(editor: PolicyEditor, q: FindQuery, replacement: string) {
  const texts = (editor.children as BlockElement[]).map(blockText);
  const plan = planReplaceAll(texts, q, replacement, (index) => (editor.children[index] as BlockElement).clause?.state !== 'locked');
  if ('problem' in plan) throw new Error(plan.problem);
  applyReplacements(editor, plan.edits);
  return plan;
}

const strings = (editor: Editor) => editor.children.map((_, i) => Editor.string(editor, [i]));

describe('find in the editor', () => {
  it('reads a block as its texts joined, a variable as one mark, links included', () => {
    const editor = sample();
    expect((editor.children as BlockElement[]).map(blockText)).toEqual(['Keep the résumé of the data.', `Dear ${VARIABLE_MARK}, the the site here.`, 'Approved: the records.']);
  });

  it('maps a match back to the texts it covers, across marks, links and variables', () => {
    const editor = sample();
    const texts = (editor.children as BlockElement[]).map(blockText);
    const compiled = compileQuery(query('résumé'));
    if (!compiled.ok) throw new Error();
    const [match] = findInTexts(texts, compiled.pattern);
    const range = rangeOf(editor.children[0] as BlockElement, match!);
    expect(range).toEqual({ anchor: { path: [0, 0], offset: 9 }, focus: { path: [0, 2], offset: 1 } });
    expect(Editor.string(editor, range)).toBe('résumé');

    const inLink = findInTexts(texts, (compileQuery(query('site')) as { pattern: RegExp }).pattern)[0]!;
    const linkRange = rangeOf(editor.children[1] as BlockElement, inLink);
    expect(linkRange).toEqual({ anchor: { path: [1, 3, 0], offset: 4 }, focus: { path: [1, 3, 0], offset: 8 } });
  });

  it('replaces all as one step, leaves the locked clause, and one undo restores everything', () => {
    const editor = sample();
    const before = strings(editor);
    const plan = replaceAll(editor, query('the', { wholeWord: true }), 'THE');
    expect(plan.kept).toBe(1);
    expect(strings(editor)).toEqual(['Keep THE résumé of THE data.', 'Dear , THE THE site here.', 'Approved: the records.']);
    expect(editor.history.undos).toHaveLength(1);
    editor.undo();
    expect(strings(editor)).toEqual(before);
    expect(editor.children).toEqual(sample().children);
  });

  it('replaces a match across marks with the formatting of its first letter, and keeps the variable', () => {
    const editor = sample();
    replaceAll(editor, query('r(é)sumé', { regex: true }), 'CV$1');
    expect(strings(editor)[0]).toBe('Keep the CVé of the data.');
    expect((editor.children[0] as BlockElement).children.some((child) => 'bold' in child)).toBe(false);
    replaceAll(editor, query('Dear'), 'Hello');
    expect((editor.children[1] as BlockElement).children[1]).toMatchObject({ type: 'variable', name: 'company' });
  });

  it('keeps the selection on the same words when text before it changes length', () => {
    const editor = sample();
    Transforms.select(editor, { path: [0, 2], offset: 9 }); // before "data"
    replaceAll(editor, query('the'), 'a');
    expect(Editor.string(editor, { anchor: editor.selection!.anchor, focus: Editor.end(editor, [0]) })).toBe('data.');
  });

  it('replaces with nothing', () => {
    const editor = sample();
    replaceAll(editor, query(' of the data'), '');
    expect(strings(editor)[0]).toBe('Keep the résumé.');
  });
});
