import JSZip from 'jszip';
import { createEditor } from 'slate';
import { ReactEditor, withReact } from 'slate-react';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../shared/model/document';
import { NUMBERING_STYLES } from '../../shared/model/vocabulary';
import { toLetters, toRoman } from '../../shared/numbering/counters';
import { exportDocx } from '../../shared/export/docx';
import { exportHtml } from '../../shared/export/html';
import { h, li, p, policy } from '../../shared/testing/builders';
import { ListNumberStore } from './list-numbers';
import type { ListItemElement } from './types';

// A numbered list nested to every depth (0–5), each depth counting far enough (depth + 2 items) to show its counter.
// Each item's text names its depth and ordinal ("d2n3"), so the three outputs can be matched item by item.
const ITEMS = Array.from({ length: 6 }, (_, depth) => Array.from({ length: depth + 2 }, (_, k) => ({ depth, ordinal: k + 1 }))).flat();
const textOf = (item: { depth: number; ordinal: number }) => `d${item.depth}n${item.ordinal}`;
// And a bulleted list to every depth, one item each ("b3"), after a paragraph that ends the numbered one.
const BULLETS = Array.from({ length: 6 }, (_, depth) => depth);
const bulletText = (depth: number) => `b${depth}`;

function documentIn(numbering: PolicyDocument['numbering']): PolicyDocument {
  return policy(
    [
      h(1, 's-lists', 'Lists'),
      ...ITEMS.map((item) => li(textOf(item), 'number', item.depth)),
      p('Between the lists.'),
      ...BULLETS.map((depth) => li(bulletText(depth), 'bullet', depth)),
    ],
    { title: 'Lists', numbering },
  );
}

/** What the editor shows before each item, by item text. */
function editorLabels(): Map<string, string | undefined> {
  const editor = withReact(createEditor());
  const numbered = ITEMS.map((item): ListItemElement => ({ type: 'list-item', list: 'number', indent: item.depth, children: [{ text: textOf(item) }] }));
  const bullets = BULLETS.map((depth): ListItemElement => ({ type: 'list-item', list: 'bullet', indent: depth, children: [{ text: bulletText(depth) }] }));
  editor.children = [...numbered, { type: 'paragraph', children: [{ text: 'Between the lists.' }] }, ...bullets];
  const store = new ListNumberStore();
  store.update(editor);
  const labelOf = (block: ListItemElement) => store.label(ReactEditor.findKey(editor, block));
  return new Map([
    ...numbered.map((block, i) => [textOf(ITEMS[i]!), labelOf(block)] as const),
    ...bullets.map((block, depth) => [bulletText(depth), labelOf(block)] as const),
  ]);
}

// How a browser writes a counter of each list-style type (CSS Counter Styles), written here apart from the app's code.
const CSS_COUNTERS: Record<string, (n: number) => string> = {
  decimal: String,
  'lower-alpha': (n) => toLetters(n).toLowerCase(),
  'lower-roman': (n) => toRoman(n).toLowerCase(),
};
const OL_TYPES: Record<string, string> = { '1': 'decimal', a: 'lower-alpha', i: 'lower-roman' };

/** What a browser shows before each item of an exported page: the <ol type>/start count, and any ::marker rule. */
function htmlLabels(page: string): Map<string, string> {
  const markers = new Map<string, { format: string; separator: string }>();
  for (const rule of page.matchAll(/(ol(?:\[type="(\w)"\]|:not\(\[type\]\))) > li::marker \{ content: counter\(list-item, ([\w-]+)\) "(.*?) "; \}/g)) {
    markers.set(rule[2] ?? '1', { format: rule[3]!, separator: rule[4]! });
  }
  // A bullet rule names how many lists stand around the <ul> at least; the one naming the most that fit wins.
  const bullets = new Map<number, string>();
  for (const rule of page.matchAll(/main ((?::is\(ul, ol\) )*)ul > li::marker \{ content: "(.*?) "; \}/g)) {
    bullets.set(rule[1]!.length / ':is(ul, ol) '.length, rule[2]!);
  }
  const bulletAt = (depth: number) => bullets.get(Math.max(...[...bullets.keys()].filter((k) => k <= depth)));
  const labels = new Map<string, string>();
  const open: Array<{ type: string; count: number }> = [];
  for (const tag of page.slice(page.indexOf('<main')).matchAll(/<(\/?)(ol|ul|li)([^>]*)>([^<]*)/g)) {
    const [, closing, name, attributes = '', text = ''] = tag;
    if ((name === 'ol' || name === 'ul') && closing) open.pop();
    else if (name === 'ul') open.push({ type: 'bullet', count: 0 });
    else if (name === 'ol') {
      const start = Number(/start="(\d+)"/.exec(attributes)?.[1] ?? 1);
      open.push({ type: /type="(\w)"/.exec(attributes)?.[1] ?? '1', count: start - 1 });
    } else if (name === 'li' && !closing) {
      const list = open.at(-1)!;
      if (list.type === 'bullet') {
        labels.set(text.trim(), bulletAt(open.length - 1) ?? 'the browser’s own bullet');
        continue;
      }
      list.count += 1;
      const marker = markers.get(list.type);
      if (marker) expect(marker.format).toBe(OL_TYPES[list.type]);
      labels.set(text.trim(), `${CSS_COUNTERS[OL_TYPES[list.type]!]!(list.count)}${marker?.separator ?? '.'}`);
    }
  }
  return labels;
}

// How Word writes a counter of each w:numFmt, likewise apart from the app's code.
const WORD_COUNTERS: Record<string, (n: number) => string> = {
  decimal: String,
  lowerLetter: (n) => toLetters(n).toLowerCase(),
  lowerRoman: (n) => toRoman(n).toLowerCase(),
};

/** What Word shows before each item of an exported DOCX: its paragraph's list level's format and level text. */
async function docxLabels(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const numberingXml = await zip.file('word/numbering.xml')!.async('string');
  const abstractOf = (numId: string) => new RegExp(`<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numberingXml)?.[1];
  const level = (abstractId: string, ilvl: string) => {
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(numberingXml)?.[1] ?? '';
    const lvl = new RegExp(`<w:lvl [^>]*w:ilvl="${ilvl}"[^>]*>([\\s\\S]*?)</w:lvl>`).exec(abstract)?.[1] ?? '';
    return { format: /<w:numFmt w:val="(\w+)"/.exec(lvl)?.[1] ?? '', text: /<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? '' };
  };
  const labels = new Map<string, string>();
  for (const paragraph of documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)) {
    const body = paragraph[1] ?? '';
    const ilvl = /<w:ilvl w:val="(\d+)"/.exec(body)?.[1];
    const numId = /<w:numId w:val="(\d+)"/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const item = /^(?:d(\d)n(\d+)|b(\d))$/.exec(text);
    if (!item || ilvl === undefined || numId === undefined) continue;
    expect(Number(ilvl), `${text} is at its depth in Word`).toBe(Number(item[1] ?? item[3]));
    const { format, text: levelText } = level(abstractOf(numId)!, ilvl);
    labels.set(text, format === 'bullet' ? levelText : levelText.replace(`%${Number(ilvl) + 1}`, WORD_COUNTERS[format]!(Number(item[2]))));
  }
  return labels;
}

describe('list labels agree: editor, HTML and DOCX', () => {
  it.each(NUMBERING_STYLES)('numbering style %s: every numbered and bulleted item at every depth 0–5 carries one label in all three', async (style) => {
    const doc = documentIn(style);
    const editor = editorLabels();
    const html = htmlLabels(exportHtml(doc));
    const docx = await docxLabels(await exportDocx(doc));
    for (const item of ITEMS) {
      const text = textOf(item);
      const label = editor.get(text);
      expect(label, `${text} has a label in the editor`).toBeDefined();
      expect({ text, html: html.get(text), docx: docx.get(text) }).toEqual({ text, html: label, docx: label });
    }
    for (const depth of BULLETS) {
      const text = bulletText(depth);
      const label = editor.get(text);
      expect(label, `${text} has a bullet in the editor`).toBeDefined();
      expect({ text, html: html.get(text), docx: docx.get(text) }).toEqual({ text, html: label, docx: label });
    }
  });

  it('the third level reads "i." everywhere (the editor used to show "i)")', () => {
    expect(editorLabels().get('d2n1')).toBe('i.');
  });
});
