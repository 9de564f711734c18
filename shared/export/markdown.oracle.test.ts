import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MARKS, PolicyDocumentSchema, type Block, type PolicyDocument, type Run } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { HOSTILE_TEXT, hostileDocument } from './fixtures/hostile';
import { exportMarkdown } from './markdown';
import { prepareDocument } from './prepare';
import { li, p, policy } from '../testing/builders';
import { seeded } from '../testing/seeded-random';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
const sample = (name: string): PolicyDocument =>
  PolicyDocumentSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8')));

/** pandoc reads the exports here: without it there is nothing to check against. */
const HAS_PANDOC = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;

function pandoc(markdown: string, to: 'json' | 'plain'): string {
  const result = spawnSync('pandoc', ['-f', 'gfm', '-t', to, '--wrap=none'], { input: markdown, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

interface Node {
  t: string;
  c?: unknown;
}
interface PandocDoc {
  meta: Record<string, Node>;
  blocks: Node[];
}

const read = (markdown: string) => JSON.parse(pandoc(markdown, 'json')) as PandocDoc;

/** Every node of the AST, depth first. */
function* walk(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Node;
    if (typeof node.t === 'string') yield node;
    yield* walk(node.c);
  }
}

function inlineText(inlines: unknown): string {
  let text = '';
  for (const node of walk(inlines)) {
    if (node.t === 'Str') text += node.c as string;
    else if (node.t === 'Space' || node.t === 'SoftBreak') text += ' ';
    else if (node.t === 'LineBreak') text += '\n';
  }
  return text;
}

function headers(d: PandocDoc): Array<[number, string]> {
  return d.blocks.filter((b) => b.t === 'Header').map((b) => {
    const [level, , inlines] = b.c as [number, unknown, unknown];
    return [level, inlineText(inlines)];
  });
}

function frontMatter(markdown: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return parseYaml(match[1] ?? '');
}

describe.skipIf(!HAS_PANDOC)('exportMarkdown on the sample privacy policy (needs pandoc)', () => {
  const d = sample('privacy-policy');
  const markdown = exportMarkdown(d);

  it('reads back in pandoc with the title and every section heading, numbered, in order', () => {
    const expected: Array<[number, string]> = [
      [1, 'Privacy Policy'],
      ...outlineOf(d).map((o): [number, string] => [Math.min(o.level + 1, 6), `${o.label} ${o.title}`]),
    ];
    expect(headers(read(markdown))).toEqual(expected);
    expect(markdown).toContain('\n## 1. Who We Are\n');
    expect(markdown).toContain('\n### 1.1 Our Role as Controller and as Processor\n');
    expect(markdown).toContain('\n##### 4.2.1.1 Direct Marketing to Business Contacts\n');
  });

  it('has front matter that parses as YAML, dates and version as strings', () => {
    expect(frontMatter(markdown)).toEqual({
      title: 'Privacy Policy',
      effective_date: '2026-01-15',
      last_updated: '2026-11-02',
      version: '2.1',
      owner: 'Legal & Compliance',
      numbering: 'decimal',
    });
  });

  it('keeps marks, links and lists', () => {
    expect(markdown).toContain('**Northwind Analytics Ltd.** (“**Northwind**”');
    expect(markdown).toContain('*Contact Us*');
    expect(markdown).toContain('[northwind-analytics.example](<https://northwind-analytics.example/>)');
    expect(markdown).toContain('\n1. **Performance of a contract**: ');
    expect(markdown).toContain('\n  - mandatory multi-factor authentication for all staff;\n');
    const plain = pandoc(markdown, 'plain');
    expect(plain).toContain('Effective date: 15 January 2026\nLast updated: 2 November 2026');
  });

  it('numbers the other styles in their headings too', () => {
    const tos = sample('terms-of-service');
    expect(headers(read(exportMarkdown({ ...tos, numbering: 'article-section' }))).slice(1, 4)).toEqual([
      [2, 'Article I Accepting These Terms'],
      [3, 'Section 1.01 Eligibility'],
      [3, 'Section 1.02 Accepting on Behalf of an Organisation'],
    ]);
    expect(headers(read(exportMarkdown(tos))).slice(1, 3)).toEqual([
      [2, 'A. Accepting These Terms'],
      [3, '1. Eligibility'],
    ]);
    expect(headers(read(exportMarkdown({ ...tos, numbering: 'section-sign' })))[2]).toEqual([3, '§ 1.1 Eligibility']);
  });
});

describe.skipIf(!HAS_PANDOC)('exportMarkdown with hostile input (needs pandoc)', () => {
  const d = hostileDocument();
  const markdown = exportMarkdown(d);
  let ast: PandocDoc;
  // Read before the tests run rather than while they are collected: only where pandoc is.
  beforeAll(() => {
    ast = read(markdown);
  });

  it('turns none of the text into markup', () => {
    const kinds = new Set([...walk(ast.blocks)].map((n) => n.t));
    for (const kind of ['RawInline', 'RawBlock', 'Emph', 'Strong', 'Code', 'CodeBlock', 'Strikeout', 'Image', 'BlockQuote', 'Table', 'HorizontalRule']) {
      expect(kinds.has(kind), kind).toBe(false);
    }
    const links = [...walk(ast.blocks)].filter((n) => n.t === 'Link').map((n) => (n.c as [unknown, unknown, [string, string]])[2][0]);
    expect(links).toEqual(['https://example.com/?q=%22%3E%3Cscript%3Ealert%287%29%3C/script%3E']);
    expect(headers(ast).map(([level]) => level)).toEqual([1, 2, 3]);
    const lists = ast.blocks.filter((b) => b.t === 'BulletList' || b.t === 'OrderedList');
    expect(lists.map((b) => b.t)).toEqual(['BulletList']);
  });

  it('reads back the text exactly as typed', () => {
    const plain = pandoc(markdown, 'plain');
    for (const line of HOSTILE_TEXT) expect(plain).toContain(line);
    expect(plain).toContain('1. not a list\n- not a list either\n+ nor this\n---\n===\nnot code');
    expect(plain).toContain('click me or me or this or data');
    expect(headers(ast)[1]).toEqual([2, '1. <script>alert("heading")</script> # Heading *one*']);
  });

  it('quotes the front matter so it parses back to the same strings', () => {
    const prepared = prepareDocument(d);
    expect(frontMatter(markdown)).toEqual({
      title: prepared.title,
      effective_date: '2026-01-15',
      last_updated: null,
      version: prepared.versionLabel,
      owner: prepared.owner,
      numbering: 'decimal',
    });
  });
});

describe.skipIf(!HAS_PANDOC)('exportMarkdown lists (needs pandoc)', () => {
  it('nests, carries numbers across a bullet, and restarts after a paragraph', () => {
    const item = (list: 'bullet' | 'number', indent: number, text: string): Block => li(text, list, indent);
    const d = policy(
      [
        item('number', 0, 'one'),
        item('number', 0, 'two'),
        item('bullet', 1, 'nested bullet'),
        item('number', 1, 'nested number'),
        item('bullet', 0, 'bullet between'),
        item('number', 0, 'three'),
        { kind: 'paragraph', runs: [{ text: 'A paragraph ends the list.' }] },
        ...Array.from({ length: 10 }, (_, i) => item('number', 0, `again ${i + 1}`)),
        item('number', 1, 'under ten\nwith a second line'),
      ],
      { title: 'Lists' },
    );
    const markdown = exportMarkdown(d);
    expect(markdown).toContain('1. one\n2. two\n   - nested bullet\n\n   1. nested number\n\n- bullet between\n\n3. three\n\nA paragraph');
    expect(markdown).toContain('10. again 10\n    1. under ten\\\n       with a second line\n');
    const lists = read(markdown).blocks.filter((b) => b.t === 'OrderedList' || b.t === 'BulletList');
    const starts = lists.map((b) => (b.t === 'OrderedList' ? (b.c as [[number]])[0][0] : '•'));
    expect(starts).toEqual([1, '•', 3, 1]);
    const last = lists[3];
    const nested = [...walk(last?.c)].filter((n) => n.t === 'OrderedList');
    expect(nested).toHaveLength(1);
    expect(inlineText(nested[0]?.c)).toBe('under ten\nwith a second line');
  });
});

describe.skipIf(!HAS_PANDOC)('exportMarkdown inline marks (needs pandoc)', () => {
  /** What pandoc read: each visible character with its formatting. Spaces are left out: they may move past a mark. */
  function formatted(inlines: unknown): string[] {
    const out: string[] = [];
    const visit = (nodes: unknown, marks: { bold: boolean; italic: boolean; underline: boolean; script: string; href: string }) => {
      if (!Array.isArray(nodes)) return;
      for (const node of nodes as Node[]) {
        if (node.t === 'Str') for (const ch of node.c as string) out.push(`${ch}|${marks.bold ? 'b' : ''}${marks.italic ? 'i' : ''}${marks.underline ? 'u' : ''}${marks.script}|${marks.href}`);
        else if (node.t === 'Strong') visit(node.c, { ...marks, bold: true });
        else if (node.t === 'Emph') visit(node.c, { ...marks, italic: true });
        else if (node.t === 'Link') visit((node.c as unknown[])[1], { ...marks, href: (node.c as [unknown, unknown, [string]])[2][0] });
        else if (node.t === 'RawInline') {
          const [, html] = node.c as [string, string];
          if (html === '<u>') marks = { ...marks, underline: true };
          else if (html === '</u>') marks = { ...marks, underline: false };
          else if (html === '<strong>') marks = { ...marks, bold: true };
          else if (html === '</strong>') marks = { ...marks, bold: false };
          else if (html === '<em>') marks = { ...marks, italic: true };
          else if (html === '</em>') marks = { ...marks, italic: false };
          else if (html === '<sup>' || html === '<sub>') marks = { ...marks, script: html.slice(1, 4) };
          else if (html === '</sup>' || html === '</sub>') marks = { ...marks, script: '' };
          else throw new Error(`unexpected raw HTML ${html}`);
        }
      }
    };
    visit(inlines, { bold: false, italic: false, underline: false, script: '', href: '' });
    return out;
  }

  function expected(runs: readonly Run[]): string[] {
    return runs.flatMap((run) =>
      [...run.text].filter((ch) => !/\s/.test(ch)).map((ch) => {
        const m = run.marks ?? [];
        const script = m.includes('superscript') ? 'sup' : m.includes('subscript') ? 'sub' : '';
        return `${ch}|${m.includes('bold') ? 'b' : ''}${m.includes('italic') ? 'i' : ''}${m.includes('underline') ? 'u' : ''}${script}|${run.link ?? ''}`;
      }),
    );
  }

  it('puts every mark and link on exactly the characters that carry it, for runs that make GFM delimiters awkward', () => {
    const pieces = ['word', ' spaced ', '(paren)', '“quoted”', 'x', '*', '_', '.', ' ', 'é', '1.', '-', 'a\nb', '\n', '[', '<', '#', '\\', '`', 'https://x.y', '@'];
    const random = seeded(7);
    const paragraphs: Run[][] = Array.from({ length: 200 }, () =>
      Array.from({ length: 2 + Math.floor(random() * 5) }, () => {
        const run: Run = { text: pieces[Math.floor(random() * pieces.length)] ?? 'x' };
        // Superscript and subscript never together (the model forbids it).
        const marks = MARKS.filter(() => random() < 0.4).filter((mark, _i, all) => mark !== 'subscript' || !all.includes('superscript'));
        if (marks.length > 0) run.marks = marks;
        if (random() < 0.1) run.link = 'https://example.com/a';
        return run;
      }),
    );
    const d = policy(paragraphs.map((runs) => p(...runs)), { title: 'Marks' });
    const markdown = exportMarkdown(d);
    const paras = read(markdown).blocks.filter((b) => b.t === 'Para');
    // Paragraphs of nothing but spaces are not written at all.
    const written = paragraphs.filter((runs) => runs.some((r) => r.text.trim() !== ''));
    expect(paras).toHaveLength(written.length);
    written.forEach((runs, i) => expect(formatted(paras[i]?.c), JSON.stringify(runs)).toEqual(expected(runs)));
  });
});
