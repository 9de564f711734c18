import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type * as Yaml from 'yaml';
import { safeLink } from '../model/link';
import { DOCUMENT_LANGUAGES, NUMBERING_STYLES, type DocumentLanguage, type Mark, type NumberingStyle } from '../model/document';
import { parseHumanDate } from './dates';
import { ImportError, UNNAMED } from './errors';
import type { RawDocument, RawMetadata, RawParagraph, RawRun, RawTable } from './raw';
import { parseMarkdown } from './markdown-parse';
import { simpleFrontMatter } from './front-matter-lines';
import { utcDay } from '../model/dates';

/*
 * Markdown: CommonMark with GitHub's extensions (tables, strikethrough, autolinks, task lists, footnotes), and YAML
 * front matter for the document's metadata:
 *
 *   ---
 *   title: Privacy Policy
 *   effective_date: 2026-01-15        (or effectiveDate, effective)
 *   last_updated: 2026-11-02          (or lastUpdated, updated, last_revised)
 *   version: "2.1"                    (or version_label, versionLabel)
 *   owner: Legal & Compliance
 *   numbering: decimal                (decimal | letter-decimal | article-section | section-sign)
 *   ---
 *
 * "#" headings are heading hints; a typed number in them ("## 1.1 Scope") sets the level. Raw HTML inside the
 * Markdown is read by the HTML reader, as untrusted as any other HTML. Images are dropped; a hard line break starts a
 * new paragraph. A GFM table is a table: its head row is its header row unless every cell of it is empty (as our
 * export writes a table without one), and a paragraph wholly in italics right above it is its caption, as our export
 * writes one. A footnote reference [^x] is a note mark holding the text of its definition; a definition no reference
 * names stays text where it stands. <sup> and <sub> make superscript and subscript.
 */

const MAX_DEPTH = 100;

/** How raw HTML blocks are read: the HTML reader's fragment reading, which the caller loads only when there are any. */
export type HtmlFragmentReader = (html: string) => RawParagraph[];

/**
 * The readers a Markdown text may need besides the Markdown parser, each as much code again: the caller loads them
 * where `readersNeeded` says so (a policy exported as Markdown needs neither).
 */
export interface MarkdownReaders {
  readonly readHtmlFragment?: HtmlFragmentReader;
  readonly yaml?: typeof Yaml;
}

interface Ctx {
  marks: readonly Mark[];
  link: string | undefined;
  /** Inside a link to a place in this document ("#id"): its id. */
  anchor?: string;
}

class Walker {
  readonly paragraphs: RawParagraph[] = [];
  private readonly definitions = new Map<string, string>();
  /** Each referenced footnote's runs, filled when its definition is read (usually after the references). */
  private readonly notes = new Map<string, RawRun[]>();
  /** Ids of inline `<a id="…">` anchors read since the last paragraph: they belong to the next one. */
  private anchors: string[] = [];

  constructor(
    root: Root,
    private readonly readHtmlFragment: HtmlFragmentReader | undefined,
  ) {
    // link reference definitions, wherever they are
    const stack: Nodes[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Nodes;
      if (node.type === 'definition') this.definitions.set(node.identifier.toLowerCase(), node.url);
      if (node.type === 'footnoteReference') this.notes.set(node.identifier, []);
      if ('children' in node) for (const child of node.children) stack.push(child);
    }
  }

  blocks(nodes: readonly RootContent[], depth: number, listPath: number[] | undefined, listIndent: number): void {
    for (const node of nodes) this.block(node, depth, listPath, listIndent);
  }

  private push(runs: RawRun[][], hints: Omit<RawParagraph, 'runs'>): void {
    // a hard break splits the paragraph; only the first part keeps the list hint
    runs.forEach((part, i) => {
      if (!part.some((r) => r.text.trim() !== '')) return;
      const anchors = this.anchors.length > 0 ? { anchors: this.anchors } : {};
      this.anchors = [];
      this.paragraphs.push({ runs: part, ...(i === 0 || !hints.list ? hints : omitList(hints)), ...anchors });
    });
  }

  private block(node: RootContent, depth: number, listPath: number[] | undefined, listIndent: number): void {
    if (depth > MAX_DEPTH) {
      this.push([[{ text: plainText(node) }]], {});
      return;
    }
    switch (node.type) {
      case 'heading': {
        const parts = this.phrasing(node.children, { marks: [], link: undefined });
        this.push([parts.flatMap((p, i) => (i === 0 ? p : [{ text: ' ' }, ...p]))], { headingLevel: node.depth });
        return;
      }
      case 'paragraph':
        this.push(this.phrasing(node.children, { marks: [], link: undefined }), {});
        return;
      case 'footnoteDefinition': {
        const note = this.notes.get(node.identifier);
        if (note && note.length === 0) {
          note.push(...this.textOf(node.children, depth + 1));
          return;
        }
        this.paragraphs.push({ runs: [{ text: `[${node.label ?? node.identifier}]` }] });
        this.blocks(node.children, depth + 1, undefined, 0);
        return;
      }
      case 'blockquote':
        this.blocks(node.children, depth + 1, undefined, 0);
        return;
      case 'list': {
        const start = node.start ?? 1;
        node.children.forEach((item, index) => {
          const path = node.ordered && (listPath !== undefined || listIndent === 0) ? [...(listPath ?? []), start + index] : undefined;
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') {
            const parts = this.phrasing(first.children, { marks: [], link: undefined });
            if (item.checked === true || item.checked === false) parts[0]?.unshift({ text: item.checked ? '☑ ' : '☐ ' });
            const list: NonNullable<RawParagraph['list']> = { kind: node.ordered ? 'number' : 'bullet', indent: Math.min(listIndent, 5) };
            if (path) list.path = path;
            this.push(parts, { list });
            for (const child of rest) this.block(child, depth + 1, child.type === 'list' ? path : undefined, listIndent + 1);
          } else {
            for (const child of item.children) this.block(child, depth + 1, child.type === 'list' ? path : undefined, listIndent + 1);
          }
        });
        return;
      }
      case 'code':
        for (const line of node.value.split(/\r\n|\r|\n/)) this.paragraphs.push({ runs: [{ text: line }], verbatim: true });
        return;
      case 'html':
        if (!this.readHtmlFragment) throw new Error('Markdown with raw HTML read without the HTML reader');
        this.paragraphs.push(...this.readHtmlFragment(node.value));
        return;
      case 'table': {
        const rows = node.children.map((row) =>
          row.children.map((cell) => this.phrasing(cell.children, { marks: [], link: undefined }).flatMap((p, k) => (k === 0 ? p : [{ text: '\n' }, ...p]))),
        );
        const blank = (cell: RawRun[]) => cell.every((r) => r.text.trim() === '' && r.note === undefined);
        const header = rows.length > 0 && !(rows[0] ?? []).every(blank);
        const table: RawTable = { header, rows: header ? rows : rows.slice(1) };
        const caption = this.captionAbove();
        if (caption) table.caption = caption;
        this.paragraphs.push({ runs: [], table });
        return;
      }
      default:
        // yaml (front matter, read separately), definition, thematicBreak: no text of their own
        return;
    }
  }

  /** Block content as one list of runs, its paragraphs apart by "\n" (a footnote's text). */
  private textOf(nodes: readonly RootContent[], depth: number): RawRun[] {
    const before = this.paragraphs.length;
    const anchors = this.anchors;
    this.blocks(nodes, depth, undefined, 0);
    const read = this.paragraphs.splice(before);
    this.anchors = anchors;
    const runs: RawRun[] = [];
    for (const paragraph of read) {
      const cells = paragraph.table ? paragraph.table.rows.flat() : [paragraph.runs];
      for (const cell of cells) runs.push(...(runs.length > 0 ? [{ text: '\n' }] : []), ...cell);
    }
    return runs;
  }

  /** The paragraph just read, when wholly in italics: the caption our export writes above a table (taken out of the text). */
  private captionAbove(): RawRun[] | undefined {
    const last = this.paragraphs[this.paragraphs.length - 1];
    if (!last || last.list || last.headingLevel !== undefined || last.verbatim || last.table) return undefined;
    const visible = last.runs.filter((r) => r.text.trim() !== '');
    if (visible.length === 0 || !visible.every((r) => r.marks?.includes('italic'))) return undefined;
    this.paragraphs.pop();
    return last.runs.map((r) => {
      const marks = (r.marks ?? []).filter((m) => m !== 'italic');
      const { marks: _italic, ...rest } = r;
      return marks.length > 0 ? { ...rest, marks } : rest;
    });
  }

  /** Inline content as runs, split where a hard line break stands. */
  private phrasing(nodes: readonly PhrasingContent[], outer: Ctx, depth = 0): RawRun[][] {
    const parts: RawRun[][] = [[]];
    // marks opened by inline HTML tags among these nodes (<u>, and <strong>, <em> where * and ** cannot stand)
    const opened: Mark[] = [];
    let ctx = outer;
    const add = (run: RawRun) => (parts[parts.length - 1] as RawRun[]).push(run);
    const text = (value: string, c: Ctx) => {
      const run: RawRun = { text: value };
      if (c.marks.length > 0) run.marks = c.marks;
      if (c.link !== undefined) run.link = c.link;
      if (c.anchor !== undefined) run.anchor = c.anchor;
      add(run);
    };
    for (const node of nodes) {
      if (depth > MAX_DEPTH) {
        text(plainText(node), ctx);
        continue;
      }
      switch (node.type) {
        case 'text':
          text(node.value, ctx);
          break;
        case 'inlineCode':
          text(node.value, ctx);
          break;
        case 'break':
          parts.push([]);
          break;
        case 'strong':
        case 'emphasis':
        case 'delete':
        case 'link':
        case 'linkReference': {
          let next = ctx;
          if (node.type === 'strong') next = { ...ctx, marks: withMark(ctx.marks, 'bold') };
          if (node.type === 'emphasis') next = { ...ctx, marks: withMark(ctx.marks, 'italic') };
          if (node.type === 'link') next = { ...ctx, link: safeLink(node.url) ?? undefined, ...(node.url.startsWith('#') && node.url.length > 1 ? { anchor: node.url.slice(1, 200) } : {}) };
          if (node.type === 'linkReference') next = { ...ctx, link: safeLink(this.definitions.get(node.identifier.toLowerCase())) ?? undefined };
          const inner = this.phrasing(node.children, next, depth + 1);
          inner.forEach((part, i) => {
            if (i > 0) parts.push([]);
            for (const run of part) add(run);
          });
          break;
        }
        case 'html': {
          // inline tags give no text; a <br> still breaks the line, and a mark's tag marks the text up to its end tag
          const value = node.value.trim();
          if (/^<br\s*\/?>$/i.test(value)) {
            parts.push([]);
            break;
          }
          // <a id="…">: where a link in the document leads (the Markdown export puts one on each referenced heading)
          const id = /^<a\s[^<>]*\bid="([^"<>]{1,200})"[^<>]*>/i.exec(value)?.[1];
          if (id !== undefined && this.anchors.length < 16) this.anchors.push(id);
          const tag = /^<(\/?)([a-z]+)(?:\s[^<>]*)?>$/i.exec(value);
          const mark = tag ? INLINE_TAG_MARKS[(tag[2] ?? '').toLowerCase()] : undefined;
          if (!tag || !mark) break;
          if (tag[1] === '') opened.push(mark);
          else if (opened.lastIndexOf(mark) >= 0) opened.splice(opened.lastIndexOf(mark), 1);
          ctx = { ...outer, marks: opened.reduce((marks, m) => withMark(marks, m), outer.marks) };
          break;
        }
        case 'footnoteReference': {
          const note = this.notes.get(node.identifier);
          if (note) add({ text: '', note });
          else text(`[${node.label ?? node.identifier}]`, ctx);
          break;
        }
        default:
          // image, imageReference, inline html tags: nothing the model keeps
          break;
      }
    }
    return parts;
  }
}

// As the HTML reader reads them: the tags a Markdown writer uses for marks Markdown has no syntax for.
const INLINE_TAG_MARKS: Readonly<Record<string, Mark>> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline', sup: 'superscript', sub: 'subscript',
};

function omitList(hints: Omit<RawParagraph, 'runs'>): Omit<RawParagraph, 'runs'> {
  const copy = { ...hints };
  delete copy.list;
  return copy;
}

/** The marks with `mark` added (superscript and subscript exclude each other: the later one wins). */
function withMark(marks: readonly Mark[], mark: Mark): readonly Mark[] {
  if (marks.includes(mark)) return marks;
  const opposite = mark === 'superscript' ? 'subscript' : mark === 'subscript' ? 'superscript' : undefined;
  return [...(opposite ? marks.filter((m) => m !== opposite) : marks), mark];
}

/** The text of a node, without recursion (for content nested past MAX_DEPTH). */
function plainText(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Nodes;
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') out += n.value;
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Front matter

const KEYS: Readonly<Record<string, keyof RawMetadata>> = {
  title: 'title',
  effective_date: 'effectiveDate',
  effectivedate: 'effectiveDate',
  'effective-date': 'effectiveDate',
  effective: 'effectiveDate',
  last_updated: 'lastUpdated',
  lastupdated: 'lastUpdated',
  'last-updated': 'lastUpdated',
  updated: 'lastUpdated',
  last_revised: 'lastUpdated',
  version: 'versionLabel',
  version_label: 'versionLabel',
  versionlabel: 'versionLabel',
  owner: 'owner',
  numbering: 'numbering',
  lang: 'language',
  language: 'language',
};

const NUMBERING_ALIASES: Readonly<Record<string, NumberingStyle>> = {
  article: 'article-section',
  articles: 'article-section',
  'article/section': 'article-section',
  letter: 'letter-decimal',
  letters: 'letter-decimal',
  '§': 'section-sign',
  'section sign': 'section-sign',
};

function readFrontMatter(source: string, file: string, yaml: MarkdownReaders['yaml']): RawMetadata {
  let data: unknown = simpleFrontMatter(source);
  if (data === null) {
    if (!yaml) throw new Error('Markdown front matter read without the YAML reader');
    data = parseYamlOf(yaml, source, file);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ImportError(file, 'invalid', 'has front matter that is not a list of "key: value" lines');
  const meta: RawMetadata = {};
  for (const [rawKey, value] of Object.entries(data as Record<string, unknown>)) {
    const key = KEYS[rawKey.toLowerCase()];
    if (!key || value === null || value === undefined) continue;
    if (key === 'effectiveDate' || key === 'lastUpdated') {
      const iso = frontMatterDate(value);
      if (iso === null) throw new ImportError(file, 'invalid', `has a front matter ${rawKey} that is not a date: ${JSON.stringify(String(value)).slice(0, 60)}`);
      meta[key] = iso;
    } else if (key === 'numbering') {
      const name = String(value).trim().toLowerCase();
      const style = (NUMBERING_STYLES as readonly string[]).includes(name) ? (name as NumberingStyle) : NUMBERING_ALIASES[name];
      if (!style) throw new ImportError(file, 'invalid', `has a front matter numbering "${String(value).slice(0, 40)}" that is none of ${NUMBERING_STYLES.join(', ')}`);
      meta.numbering = style;
    } else if (key === 'language') {
      // A language Policywright does not know is left out (the document is English), never refused.
      const tag = Object.keys(DOCUMENT_LANGUAGES).find((known) => known.toLowerCase() === String(value).trim().toLowerCase());
      if (tag) meta.language = tag as DocumentLanguage;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      meta[key] = String(value).replace(/\s+/g, ' ').trim();
    }
  }
  return meta;
}

function parseYamlOf(yaml: NonNullable<MarkdownReaders['yaml']>, source: string, file: string): unknown {
  try {
    return yaml.parse(source, { maxAliasCount: 50, uniqueKeys: false });
  } catch (error) {
    const where = error instanceof yaml.YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1})` : '';
    throw new ImportError(file, 'invalid', `has front matter that is not valid YAML${where}`);
  }
}

function frontMatterDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : utcDay(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  return parseHumanDate(iso ? (iso[1] ?? '') : s);
}

/** Deeper nesting than this makes micromark's work grow with the square of the depth: hostile, never a policy. */
const MAX_NESTING = 30;

function checkNesting(markdown: string, file: string): void {
  const pattern = /^[ \t]*(?:>[ \t]?)*/gm;
  for (let m = pattern.exec(markdown); m !== null; m = pattern.exec(markdown)) {
    const prefix = m[0];
    if (prefix === '') {
      pattern.lastIndex++;
      continue;
    }
    const quotes = prefix.split('>').length - 1;
    const columns = prefix.replace(/\t/g, '    ').length;
    if (quotes > MAX_NESTING || columns > MAX_NESTING * 4) {
      throw new ImportError(file, 'invalid', `nests quotes or lists more than ${MAX_NESTING} levels deep, which no policy does, so it was not imported`);
    }
  }
}

/** The syntax tree of a Markdown text, refused if it nests deeper than any policy. */
export function markdownTree(markdown: string, file = UNNAMED): Root {
  checkNesting(markdown, file);
  return parseMarkdown(markdown);
}

/**
 * Which readers besides the Markdown parser a tree needs: the HTML reader for raw HTML blocks (inline tags are read
 * without it), YAML for front matter not of the simple form.
 */
export function readersNeeded(tree: Root): { html: boolean; yaml: boolean } {
  const first = tree.children[0];
  const yaml = first?.type === 'yaml' && simpleFrontMatter(first.value) === null;
  // Blocks stand in the root, quotes, lists and footnotes; paragraphs, headings and tables hold inline content only.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'html') return { html: true, yaml };
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      for (const child of node.children) stack.push(child);
    }
  }
  return { html: false, yaml };
}

/** Raw paragraphs and front-matter metadata of a Markdown tree, with the readers `readersNeeded` asked for. */
export function rawOfMarkdown(tree: Root, file: string, readers: MarkdownReaders): RawDocument {
  const walker = new Walker(tree, readers.readHtmlFragment);
  const first = tree.children[0];
  const metadata = first?.type === 'yaml' ? readFrontMatter(first.value, file, readers.yaml) : {};
  walker.blocks(tree.children, 0, undefined, 0);
  return { format: 'markdown', paragraphs: walker.paragraphs, metadata };
}
