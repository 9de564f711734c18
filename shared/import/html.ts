import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { PolicyDocument } from '../model/document';
import type { Mark } from '../model/vocabulary';
import { safeLink } from '../model/link';
import { textOf } from './decode';
import { UNNAMED } from './errors';
import type { RawDocument, RawParagraph, RawRun, RawTable } from './raw';
import { findNotes, type HtmlNotes } from './html-notes';
import { HtmlTable } from './html-table';
import { recoverStructure, type StructureOptions } from './structure';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/*
 * HTML is read as untrusted: it is parsed by parse5 (the HTML standard's algorithm, so it agrees with a browser about
 * comments, entities and broken markup), never rendered, and only text is taken from it — with bold, italic,
 * underline, superscript, subscript, links whose address is http, https or mailto, tables (html-table.ts) and
 * footnotes (html-notes.ts). Script, style, templates, embedded content, form
 * controls, navigation and hidden elements give nothing; every attribute but href, start, value, hidden and the
 * font-weight/style/decoration part of style is ignored. The walk keeps its own stack, so deeply nested markup cannot
 * exhaust the call stack.
 */

const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map', 'area', 'input', 'button',
  'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'progress', 'meter', 'head', 'link', 'meta',
  'base', 'nav', 'title', 'xmp', 'plaintext', 'noembed', 'noframes',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

const TAG_MARKS: Readonly<Record<string, Mark>> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', cite: 'italic', dfn: 'italic', var: 'italic', u: 'underline', ins: 'underline',
  sup: 'superscript', sub: 'subscript',
};

/** A run is never both: the inner of a <sup> and a <sub> wins. */
const OPPOSITE: Partial<Record<Mark, Mark>> = { superscript: 'subscript', subscript: 'superscript' };

export interface HtmlReadOptions {
  /**
   * HTML written by mammoth from a Word file: its ordered lists restart at 1 wherever Word's numbering was
   * interrupted, so their numbers are not read, and "p.pw-title" marks Word's Title style.
   */
  fromDocx?: boolean;
}

interface Context {
  marks: readonly Mark[];
  link: string | undefined;
  /** Inside a link to a place in this document: its id. */
  anchor: string | undefined;
  heading: number | undefined;
  /** The innermost open list, linked to the ones around it (a chain, so deep nesting costs nothing to copy). */
  list: ListFrame | undefined;
  /** The list item whose first paragraph is still to come. */
  item: { used: boolean } | undefined;
  pre: boolean;
  title: boolean;
  /** Inside the HTML export's details list (dl.document-info): each term and its value make one line, "Owner: …". */
  details: boolean;
  /** Where text goes instead of paragraphs: a table cell's runs, a caption's, a footnote's (paragraphs kept apart by "\n"). */
  sink: RawRun[] | undefined;
  /** The table whose own rows and cells are being read (a table inside a cell is only text of that cell). */
  table: HtmlTable | undefined;
  inHead: boolean;
}

class Collector {
  readonly paragraphs: RawParagraph[] = [];
  private runs: RawRun[] = [];
  private hints: Omit<RawParagraph, 'runs'> = {};
  private hasText = false;
  /** Ids met since the last paragraph: they belong to the next one with text (a heading's id comes before its text). */
  private anchors: string[] = [];

  /** Ends the paragraph being collected, if it has any text; in a sink, starts a new line there. */
  flush(sink?: RawRun[]): void {
    if (sink) {
      const last = sink[sink.length - 1];
      if (last && last.text !== '\n') sink.push({ text: '\n' });
      return;
    }
    if (this.hasText) {
      this.paragraphs.push({ runs: this.runs, ...this.hints, ...(this.anchors.length > 0 ? { anchors: this.anchors } : {}) });
      this.anchors = [];
    }
    this.runs = [];
    this.hints = {};
    this.hasText = false;
  }

  anchor(id: string): void {
    if (this.anchors.length < 16) this.anchors.push(id);
  }

  /** A table standing here, after the paragraph before it. */
  table(table: RawTable): void {
    this.flush();
    this.paragraphs.push({ runs: [], table });
  }

  /** A footnote's mark: its runs are filled when the reader comes to the note. */
  note(runs: RawRun[], ctx: Context): void {
    const run: RawRun = { text: '', note: runs };
    if (ctx.sink) ctx.sink.push(run);
    else this.runs.push(run);
  }

  text(text: string, ctx: Context): void {
    if (text === '') return;
    if (ctx.sink) {
      ctx.sink.push(runOf(text, ctx));
      return;
    }
    if (!this.hasText) {
      // the paragraph takes its hints from where its first visible text stands
      if (text.trim() === '') {
        this.runs.push({ text });
        return;
      }
      this.hints = hintsFor(ctx);
      this.hasText = true;
    }
    this.runs.push(runOf(text, ctx));
  }
}

function runOf(text: string, ctx: Context): RawRun {
  const run: RawRun = { text };
  if (ctx.marks.length > 0) run.marks = ctx.marks;
  if (ctx.link !== undefined) run.link = ctx.link;
  if (ctx.anchor !== undefined) run.anchor = ctx.anchor;
  return run;
}

interface ListFrame {
  ordered: boolean;
  /** The number of the item being read, or 0 when the list's numbers are not known. */
  ordinal: number;
  depth: number;
  parent: ListFrame | undefined;
  /** Items seen so far (the next ordinal is start + count). */
  counter: { next: number };
}

/** The ordinal path of the current item, outermost first, when every enclosing list is ordered and numbered. */
function pathOf(frame: ListFrame): number[] | undefined {
  if (frame.depth > 6) return undefined;
  const path: number[] = [];
  for (let f: ListFrame | undefined = frame; f; f = f.parent) {
    if (!f.ordered || f.ordinal <= 0) return undefined;
    path.unshift(f.ordinal);
  }
  return path;
}

function hintsFor(ctx: Context): Omit<RawParagraph, 'runs'> {
  const hints: Omit<RawParagraph, 'runs'> = {};
  if (ctx.heading !== undefined) hints.headingLevel = ctx.heading;
  if (ctx.title) hints.isTitle = true;
  if (ctx.pre) hints.verbatim = true;
  if (ctx.item && !ctx.item.used && ctx.heading === undefined) {
    ctx.item.used = true;
    const frame = ctx.list;
    const list: NonNullable<RawParagraph['list']> = { kind: frame?.ordered ? 'number' : 'bullet', indent: Math.max(0, (frame?.depth ?? 1) - 1) };
    const path = frame ? pathOf(frame) : undefined;
    if (path) list.path = path;
    hints.list = list;
  }
  return hints;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Marks after this element: its tag, then the three style properties a word processor's HTML uses for them. */
function marksFor(el: Element, inherited: readonly Mark[]): readonly Mark[] {
  const marks = new Set(inherited);
  const fromTag = TAG_MARKS[el.tagName];
  if (fromTag) {
    marks.add(fromTag);
    const opposite = OPPOSITE[fromTag];
    if (opposite) marks.delete(opposite);
  }
  const style = attr(el, 'style');
  if (style) {
    const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase();
    if (weight) {
      if (weight === 'bold' || weight === 'bolder' || (Number(weight) >= 600 && Number(weight) <= 1000)) marks.add('bold');
      else if (weight === 'normal' || weight === 'lighter' || Number(weight) < 600) marks.delete('bold');
    }
    const fontStyle = /font-style\s*:\s*([a-z]+)/i.exec(style)?.[1]?.toLowerCase();
    if (fontStyle === 'italic' || fontStyle === 'oblique') marks.add('italic');
    else if (fontStyle === 'normal') marks.delete('italic');
    const decoration = /text-decoration(?:-line)?\s*:\s*([^;]+)/i.exec(style)?.[1]?.toLowerCase();
    if (decoration?.includes('underline')) marks.add('underline');
    else if (decoration?.includes('none')) marks.delete('underline');
  }
  return marks.size === inherited.length && inherited.every((m) => marks.has(m)) ? inherited : [...marks];
}

/** A bad address keeps its text and loses the link. */
function linkOf(el: Element): string | undefined {
  return safeLink(attr(el, 'href')?.trim()) ?? undefined;
}

type Task = { node: Node; ctx: Context } | { exit: () => void };

/** Raw paragraphs from parsed HTML. */
function collect(root: Node, options: HtmlReadOptions): RawParagraph[] {
  const out = new Collector();
  const notes: HtmlNotes | null = findNotes(root);
  const initial: Context = {
    marks: [], link: undefined, anchor: undefined, heading: undefined, list: undefined, item: undefined, pre: false, title: false, details: false,
    sink: undefined, table: undefined, inHead: false,
  };
  const stack: Task[] = [{ node: root, ctx: initial }];
  while (stack.length > 0) {
    const task = stack.pop() as Task;
    if ('exit' in task) {
      task.exit();
      continue;
    }
    const { node, ctx } = task;
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      if (ctx.pre) {
        const lines = value.split(/\r\n|\r|\n/);
        lines.forEach((line, i) => {
          if (i > 0) out.flush(ctx.sink);
          out.text(line, ctx);
        });
      } else {
        out.text(value, ctx);
      }
      continue;
    }
    if (!('childNodes' in node)) continue; // comments, doctypes
    let children: readonly Node[] = node.childNodes;
    let next = ctx;
    let exit: (() => void) | undefined;
    if ('tagName' in node) {
      const el = node as Element;
      const tag = el.tagName;
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || SKIPPED.has(tag) || isHidden(el)) continue;
      const href = attr(el, 'href') ?? '';
      if (tag === 'a' && /^#(?:footnote|endnote)-ref-/.test(href)) continue; // mammoth's "↑" back-links
      if (notes && tag === 'a') {
        const note = notes.marks.get(el);
        if (note !== undefined) {
          out.note(notes.runsOf.get(note) as RawRun[], ctx);
          continue;
        }
        if (href.startsWith('#') && notes.backTargets.has(href.slice(1))) continue; // a note's way back to its mark
      }
      if (tag === 'br') {
        if (!ctx.sink && (ctx.heading !== undefined || (ctx.item && ctx.list && !ctx.pre))) out.text(' ', ctx);
        else out.flush(ctx.sink);
        continue;
      }
      const marks = marksFor(el, ctx.marks);
      next = marks === ctx.marks ? ctx : { ...ctx, marks };
      if (tag === 'a') next = { ...next, link: linkOf(el), anchor: href.startsWith('#') && href.length > 1 ? href.slice(1, 200) : undefined };
      const block = BLOCKS.has(tag);
      if (block) {
        // <li><p>text</p></li>: the first paragraph inside an item is the item (hintsFor marks it used)
        if (ctx.details && tag === 'dt') {
          // "Effective date" then "15 January 2026": one line, "Effective date: 15 January 2026", as a text writes it
          out.flush();
          exit = () => out.text(': ', ctx);
        } else if (ctx.details && tag === 'dd') {
          exit = () => out.flush();
        } else {
          out.flush(ctx.sink);
          exit = () => out.flush(ctx.sink);
        }
        const noteRuns = notes?.notes.get(el);
        if (noteRuns) {
          // the note's text goes to its mark, whatever the note's element is (an item of a list of notes)
          next = { ...next, sink: noteRuns, table: undefined, heading: undefined, list: undefined, item: undefined, marks: [], link: undefined, anchor: undefined };
        } else if (tag === 'table' && !ctx.sink) {
          const table = new HtmlTable();
          next = { ...next, table, inHead: false, heading: undefined, list: undefined, item: undefined };
          exit = () => out.table(table.finish());
        } else if (ctx.table && (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')) {
          next = { ...next, inHead: tag === 'thead' };
        } else if (ctx.table && tag === 'tr') {
          const table = ctx.table;
          table.startRow(ctx.inHead);
          exit = () => table.endRow();
        } else if (ctx.table && (tag === 'td' || tag === 'th')) {
          const span = (name: string) => Number.parseInt(attr(el, name) ?? '1', 10);
          next = { ...next, sink: ctx.table.startCell(tag === 'th', span('colspan'), span('rowspan')), table: undefined };
        } else if (ctx.table && tag === 'caption') {
          next = { ...next, sink: ctx.table.captionRuns(), table: undefined };
        } else if (ctx.sink && tag === 'table') {
          next = { ...next, table: undefined };
        }
        if (tag === 'dl') next = { ...next, details: (attr(el, 'class') ?? '').split(/\s+/).includes('document-info') };
        const level = /^h([1-6])$/.exec(tag)?.[1];
        if (level) next = { ...next, heading: Number(level) };
        if (tag === 'pre') next = { ...next, pre: true };
        if (options.fromDocx && tag === 'p' && (attr(el, 'class') ?? '').split(/\s+/).includes('pw-title')) next = { ...next, title: true };
        if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
          // mammoth restarts Word's numbering at every <ol>, so DOCX numbers are not known (ordinal 0)
          const start = Number.parseInt(attr(el, 'start') ?? '1', 10);
          const counter = { next: options.fromDocx ? 0 : Number.isFinite(start) ? start : 1 };
          next = { ...next, list: { ordered: tag === 'ol', ordinal: 0, depth: (ctx.list?.depth ?? 0) + 1, parent: ctx.list, counter }, item: undefined };
        }
        if (tag === 'li') {
          const owner = ctx.list ?? { ordered: false, ordinal: 0, depth: 1, parent: undefined, counter: { next: 0 } };
          const value = Number.parseInt(attr(el, 'value') ?? '', 10);
          let ordinal = 0;
          if (owner.counter.next > 0) {
            ordinal = Number.isFinite(value) && value > 0 ? value : owner.counter.next;
            owner.counter.next = ordinal + 1;
          }
          next = { ...next, list: { ...owner, ordinal }, item: { used: false } };
        }
      }
      if (el.tagName === 'template') children = [];
      // After the block's flush: a heading's id belongs to the heading, not to the paragraph before it.
      const id = attr(el, 'id');
      if (id && !next.sink) out.anchor(id.slice(0, 200));
    }
    if (exit) stack.push({ exit });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Node, ctx: next });
  }
  out.flush();
  return out.paragraphs;
}

function findTitle(root: Node): string | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if ('tagName' in node && (node as Element).tagName === 'title' && node.namespaceURI === 'http://www.w3.org/1999/xhtml') {
      return node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('').trim() || undefined;
    }
    if ('tagName' in node && (node as Element).tagName === 'body') continue;
    if ('childNodes' in node) for (const child of node.childNodes) stack.push(child);
  }
  return undefined;
}

/** Raw paragraphs of an HTML document (or fragment, as Markdown carries it). */
export function readHtml(html: string, options: HtmlReadOptions = {}): RawDocument {
  const document = parse(html, { scriptingEnabled: false });
  const title = findTitle(document);
  const doc: RawDocument = { format: options.fromDocx ? 'docx' : 'html', paragraphs: collect(document, options) };
  if (title) doc.fallbackTitle = title;
  return doc;
}

export function readHtmlFragment(html: string): RawParagraph[] {
  return collect(parseFragment(html, { scriptingEnabled: false }), {});
}

export function importHtml(input: string | Uint8Array, options: StructureOptions = {}): PolicyDocument {
  const html = textOf(input, options.fileName ?? UNNAMED, 'an HTML file');
  return recoverStructure(readHtml(html), options);
}
