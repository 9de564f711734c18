/**
 * What the slate-react patch changes in how texts are drawn (patches/README.md): a node drawn while the editor has no
 * decorate skips its own decorations; a leaf's string is called, not a component; the string's span is drawn directly.
 * Drawn on the server, with react-dom's renderToString, to read the markup and what each leaf was given: all of it
 * must be what it was before the patch, with or without a decorate.
 */
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createEditor, Text, type Descendant, type NodeEntry } from 'slate';
import { Editable, Slate, withReact, type RenderLeafProps } from 'slate-react';

function draw(value: Descendant[], props: Record<string, unknown>, editor = withReact(createEditor())): string {
  return renderToString(h(Slate, { editor, initialValue: value, children: h(Editable, props) }));
}

/** Each leaf drawn with what its decorations added to it: a `hit` and Editable's own placeholder. */
function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  const marks = leaf as { hit?: boolean; placeholder?: string };
  return h('span', { ...attributes, 'data-hit': marks.hit ? 'yes' : undefined, 'data-placeholder': marks.placeholder }, children);
}

const paragraph = (text: string): Descendant[] => [{ type: 'paragraph', children: [{ text }] } as Descendant];

describe('nodes drawn without a decorate', () => {
  it('draw each text as one leaf, as before', () => {
    const html = draw(paragraph('hello world'), { renderLeaf });
    expect(html.match(/data-slate-leaf/g)).toHaveLength(1);
    expect(html).not.toContain('data-hit');
  });

  it("still pass down the editor's own decorations: the placeholder of an empty document reaches its leaf", () => {
    const html = draw(paragraph(''), { renderLeaf, placeholder: 'Start typing' });
    expect(html).toContain('data-placeholder="Start typing"');
  });
});

describe('the strings of the leaves', () => {
  it('are spans of their text, one per leaf, inside the span of their text node', () => {
    const html = draw(paragraph('hello world'), {});
    expect(html).toContain('<span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">hello world</span></span></span>');
  });

  it('are a zero-width line break in an empty block, and a zero-width space at the edge of an inline', () => {
    const value = [
      { type: 'paragraph', children: [{ text: '' }] },
      { type: 'paragraph', children: [{ text: 'before ' }, { type: 'link', href: 'https://example.com', children: [{ text: 'site' }] }, { text: '' }] },
    ] as Descendant[];
    const editor = withReact(createEditor());
    editor.isInline = (element) => (element as { type?: string }).type === 'link';
    const html = draw(value, {}, editor);
    expect(html).toContain('<span data-slate-zero-width="n" data-slate-length="0">\uFEFF<br/></span>');
    expect(html).toContain('<span data-slate-zero-width="z" data-slate-length="0">\uFEFF</span>');
    expect(html).toContain('<span data-slate-string="true">before </span>');
  });
});

describe('nodes drawn with a decorate', () => {
  it('split their text where the decorations say', () => {
    const decorate = ([node, path]: NodeEntry) =>
      Text.isText(node) ? [{ anchor: { path, offset: 0 }, focus: { path, offset: 5 }, hit: true }] : [];
    const html = draw(paragraph('hello world'), { renderLeaf, decorate });
    expect(html).toMatch(/data-hit="yes"><span data-slate-string="true">hello<\/span>/);
    expect(html.match(/data-slate-leaf/g)).toHaveLength(2);
  });

  it('take decorations given to an element down to its texts', () => {
    const decorate = ([, path]: NodeEntry) =>
      path.length === 1 ? [{ anchor: { path: [...path, 0], offset: 6 }, focus: { path: [...path, 0], offset: 11 }, hit: true }] : [];
    const html = draw(paragraph('hello world'), { renderLeaf, decorate });
    expect(html).toMatch(/data-hit="yes"><span data-slate-string="true">world<\/span>/);
  });
});
