import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { ImportError } from './errors';
import { importMarkdown } from './markdown';
import { plain, sketch } from '../testing/sketch';
import { allRuns, isTextBlock } from '../model/block-runs';
import type { Block } from '../model/document';

/** A block's runs, whatever its kind (a table's caption and cells in reading order). */
const runsOf = (block: Block | undefined) => (block ? allRuns(block) : undefined);



function md(source: string): PolicyDocument {
  const doc = importMarkdown(source, { fileName: 'policy.md' });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

describe('Markdown with front matter', () => {
  const SOURCE = `---
title: Privacy Policy
effective_date: 2026-01-15
last_updated: "November 2, 2026"
version: 2.1
owner: Legal & Compliance
numbering: article-section
unknown_key: ignored
---

# Privacy Policy

Welcome. This is **our** policy, with a [link](https://example.com) and an <https://auto.example/link>.

## 1. Who We Are

Northwind Analytics Ltd. is *registered* in England.

### 1.1 Contact

- Email us at [privacy@example.com](mailto:privacy@example.com)
- Or not at [this](javascript:alert(1))
  - nested item
- [x] done task

1. First step
2. Second step

| Cookie | Purpose |
| --- | --- |
| sid | Signs you in |

\`\`\`
1. Not a heading
\`\`\`

## 2. Changes

We may change it.<br>Really.

<script>alert(1)</script>
<p onclick="x()">Inline <b>HTML</b> block</p>
`;
  const doc = md(SOURCE);

  it('takes the metadata from the front matter', () => {
    expect(doc).toMatchObject({
      title: 'Privacy Policy',
      effectiveDate: '2026-01-15',
      lastUpdated: '2026-11-02',
      versionLabel: '2.1',
      owner: 'Legal & Compliance',
      numbering: 'article-section',
    });
  });

  it('drops the "#" title repeating the front matter title, and reads headings, numbers, lists, tables and code', () => {
    // (the table on its own below: sketch draws text blocks)
    expect(sketch({ ...doc, blocks: doc.blocks.filter(isTextBlock) })).toEqual([
      '¶ Welcome. This is our policy, with a link and an https://auto.example/link.',
      'H1 Who We Are',
      '¶ Northwind Analytics Ltd. is registered in England.',
      'H2 Contact',
      '• Email us at privacy@example.com',
      '• Or not at this',
      '  • nested item',
      '• ☑ done task',
      '# First step',
      '# Second step',
      '¶ 1. Not a heading',
      'H1 Changes',
      '¶ We may change it.',
      '¶ Really.',
      '¶ Inline HTML block',
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((row) => row.cells.map((cell) => cell.runs.map((r) => r.text).join('')))).toEqual([
      ['Cookie', 'Purpose'],
      ['sid', 'Signs you in'],
    ]);
    expect(doc.blocks.findIndex((b) => b.kind === 'table')).toBe(doc.blocks.findIndex((b) => b.kind === 'list-item' && allRuns(b)[0]?.text === 'Second step') + 1);
  });

  it('keeps marks and safe links only', () => {
    const welcome = doc.blocks[0];
    expect(runsOf(welcome)).toEqual([
      { text: 'Welcome. This is ' },
      { text: 'our', marks: ['bold'] },
      { text: ' policy, with a ' },
      { text: 'link', link: 'https://example.com/' },
      { text: ' and an ' },
      { text: 'https://auto.example/link', link: 'https://auto.example/link' },
      { text: '.' },
    ]);
    const links = doc.blocks.flatMap((b) => allRuns(b).flatMap((r) => (r.link ? [r.link] : [])));
    expect(links).toEqual(['https://example.com/', 'https://auto.example/link', 'mailto:privacy@example.com']);
    expect(JSON.stringify(doc)).not.toMatch(/javascript|onclick|alert/);
  });
});

describe('Markdown structure', () => {
  it('without front matter: the single "#" is the title, "##" are sections, dates are read from the text', () => {
    const doc = md('# Cookie Policy\n\n*Last updated: 2 February 2026*\n\n## Cookies We Use\n\nSome.\n\n## Your Choices\n\nMany.\n');
    expect([doc.title, doc.lastUpdated, doc.numbering]).toEqual(['Cookie Policy', '2026-02-02', 'decimal']);
    expect(sketch(doc)).toEqual(['H1 Cookies We Use', '¶ Some.', 'H1 Your Choices', '¶ Many.']);
  });

  it('an ordered list item that reads like a heading, followed by text, is a section', () => {
    const doc = md('# Terms\n\n1. **Acceptance**\n\n   By using the service you accept.\n\n2. **Accounts**\n\n   Keep your password safe.\n');
    expect(sketch(doc)).toEqual(['H1 Acceptance', '¶ By using the service you accept.', 'H1 Accounts', '¶ Keep your password safe.']);
  });

  it('refuses front matter that is not YAML, or a date that is not a date, with one sentence', () => {
    expect(() => importMarkdown('---\ntitle: [unclosed\n---\n\nText.', { fileName: 'bad.md' })).toThrow(ImportError);
    expect(() => importMarkdown('---\ntitle: [unclosed\n---\n\nText.', { fileName: 'bad.md' })).toThrow(/^bad\.md has front matter that is not valid YAML/);
    expect(() => importMarkdown('---\neffective_date: someday\n---\n\nText.', { fileName: 'bad.md' })).toThrow('bad.md has a front matter effective_date that is not a date: "someday".');
    expect(() => importMarkdown('---\nnumbering: roman\n---\n\nText.', { fileName: 'bad.md' })).toThrow(/numbering "roman" that is none of decimal/);
  });

  it('reads nested quotes and lists, and refuses hostile nesting quickly', () => {
    const doc = md(`# Nested\n\n${'> '.repeat(25)}quoted text\n\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`);
    const text = doc.blocks.map(plain).join('\n');
    expect(text).toContain('quoted text');
    expect(text).toContain('level 19');
    expect(doc.blocks.every((b) => b.kind !== 'list-item' || b.indent <= 5)).toBe(true);
    const started = performance.now();
    expect(() => importMarkdown(`${'> '.repeat(5000)}quoted\n`, { fileName: 'deep.md' })).toThrow(
      'deep.md nests quotes or lists more than 30 levels deep, which no policy does, so it was not imported.',
    );
    expect(() => importMarkdown(Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), { fileName: 'deep.md' })).toThrow(ImportError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
