import { allRuns } from './block-runs';
import { strFromU8, unzipSync } from 'fflate';
import { Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import { exportDocx } from '../export/docx';
import { exportHtml } from '../export/html';
import { exportMarkdown } from '../export/markdown';
import { exportRedlineDocx } from '../export/redline-docx';
import { exportRedlineHtml } from '../export/redline-html';
import { importDocx } from '../import/docx';
import { importHtml } from '../import/html';
import { importMarkdown } from '../import/markdown';
import { PolicyDocumentSchema, type PolicyDocument } from './document';
import { p, policy, section } from '../testing/builders';

/**
 * The one link check, seen from every place a link passes: each importer and exporter keeps a bad link's words and
 * drops its address, and writes a good one as the check normalizes it.
 */

const BAD = ['mailto:a@b.example?attach=/etc/passwd', 'MAILTO:a@b.example?ATTACH=x', 'mailto:a@b.example?body=x&attach=y', 'http://user:pw@x.example/', 'java\tscript:alert(1)', 'http://١.example/'];
const GOOD: ReadonlyArray<readonly [string, string]> = [
  ['HTTPS://Example.COM', 'https://example.com/'],
  ['mailto:dpo@example.com?Subject=Data request', 'mailto:dpo@example.com?subject=Data%20request'],
];

function documentWith(links: readonly string[]): PolicyDocument {
  const paragraphs = links.map((link, i) => p('Write to ', { text: `word${i}`, link }, '.'));
  return policy(section(1, 's-links00001', 'Links', ...paragraphs), { title: 'Links' });
}

/** Each linked word and the address its run carries (an unlinked word has merged into the text around it). */
function linksOf(doc: PolicyDocument): Array<[string, string | undefined]> {
  const runs = doc.blocks.flatMap(allRuns);
  const out: Array<[string, string | undefined]> = [];
  for (let i = 0; runs.some((r) => r.text.includes(`word${i}`)); i++) out.push([`word${i}`, runs.find((r) => r.text.includes(`word${i}`))?.link]);
  return out;
}

const expected = (links: readonly string[], normalized: ReadonlyArray<string | undefined>) => links.map((_, i): [string, string | undefined] => [`word${i}`, normalized[i]]);

describe('the model refuses every bad link', () => {
  it.each(BAD)('%j', (link) => {
    expect(PolicyDocumentSchema.safeParse(documentWith([link])).success).toBe(false);
  });
});

describe('imports: a bad link keeps its words and loses its address; a good one is stored normalized', () => {
  const links = [...BAD, ...GOOD.map(([raw]) => raw)];
  const want = expected(links, [...BAD.map(() => undefined), ...GOOD.map(([, href]) => href)]);
  const attribute = (link: string) => link.replace(/\t/g, '&#9;').replace(/"/g, '&quot;');

  it('HTML', () => {
    const html = `<h1>Links</h1><h2>Links</h2>${links.map((link, i) => `<p>Write to <a href="${attribute(link)}">word${i}</a>.</p>`).join('')}`;
    expect(linksOf(importHtml(html))).toEqual(want);
  });

  it('Markdown', () => {
    const markdown = `# Links\n\n## Links\n\n${links.map((link, i) => `Write to [word${i}](<${link.replace(/\t/g, '%09')}>).`).join('\n\n')}\n`;
    // A Markdown destination cannot hold a raw tab; "java%09script:" is what a hostile file would write instead.
    expect(linksOf(importMarkdown(markdown))).toEqual(want);
  });

  it('DOCX', async () => {
    const children = links.map(
      (link, i) => new Paragraph({ children: [new TextRun('Write to '), new ExternalHyperlink({ link, children: [new TextRun(`word${i}`)] }), new TextRun('.')] }),
    );
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'Links', heading: 'Heading1' }), ...children] }] }));
    expect(linksOf(await importDocx(new Uint8Array(bytes)))).toEqual(want);
  });
});

describe('exports write only checked, normalized addresses', () => {
  // An export is handed a document typed as valid; the check runs again there, so nothing unchecked is ever written.
  const doc = documentWith([...BAD, ...GOOD.map(([raw]) => raw)]);
  const good = GOOD.map(([, href]) => href);
  const hrefs = (html: string) => [...html.matchAll(/href="([^"#][^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

  it('HTML page and fragment', () => {
    expect(hrefs(exportHtml(doc))).toEqual(good);
    expect(hrefs(exportHtml(doc, { fragment: true }))).toEqual(good);
  });

  it('Markdown', () => {
    expect([...exportMarkdown(doc).matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1])).toEqual(good);
  });

  it('DOCX', async () => {
    const rels = strFromU8(unzipSync(await exportDocx(doc))['word/_rels/document.xml.rels'] as Uint8Array);
    const targets = [...rels.matchAll(/Target="([^"]*)"\s+TargetMode="External"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    expect(targets.sort()).toEqual([...good].sort());
  });

  it('redlines, HTML and DOCX', async () => {
    const comparison = compareDocuments(documentWith(['https://old.example/']), doc, { oldLabel: 'Old', newLabel: 'New' });
    expect(hrefs(exportRedlineHtml(comparison)).filter((h) => !h.includes('old.example'))).toEqual(good);
    const rels = strFromU8(unzipSync(await exportRedlineDocx(comparison, { author: 'Test', date: new Date(0) }))['word/_rels/document.xml.rels'] as Uint8Array);
    const targets = [...rels.matchAll(/Target="([^"]*)"\s+TargetMode="External"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    expect(targets.filter((t) => !t.includes('old.example')).sort()).toEqual([...good].sort());
  });
});
