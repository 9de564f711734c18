import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { HOSTILE_TEXT, hostileDocument } from './fixtures/hostile';
import { exportHtml } from './html';
import { li, p, policy } from '../testing/builders';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
const sample = (name: string): PolicyDocument =>
  PolicyDocumentSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8')));

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
/** tidy and Python's HTML parser read the exports here: without them there is nothing to check against. */
const HAS_READERS = has('tidy', ['-v']) && has('/usr/bin/python3', ['--version']);

const work = mkdtempSync(path.join(tmpdir(), 'policywright-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** tidy's report on a file: its exit status (0 clean, 1 warnings, 2 errors) and what it said. */
function tidy(html: string): { status: number | null; report: string } {
  const file = path.join(work, `t${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const result = spawnSync('tidy', ['-q', '-e', file], { encoding: 'utf8' });
  return { status: result.status, report: `${result.stdout}${result.stderr}` };
}

interface Tag {
  tag: string;
  attrs: Array<[string, string | null]>;
}

// Python's HTML parser follows the HTML tokenizer closely enough to see every tag and attribute a browser would.
const PARSE_TAGS = `
import json, sys
from html.parser import HTMLParser
tags, text = [], []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs): tags.append({"tag": tag, "attrs": attrs})
    def handle_startendtag(self, tag, attrs): tags.append({"tag": tag, "attrs": attrs})
    def handle_data(self, data): text.append(data)
P(convert_charrefs=True).feed(sys.stdin.read())
print(json.dumps({"tags": tags, "text": "".join(text)}))
`;

function parse(html: string): { tags: Tag[]; text: string } {
  const result = spawnSync('/usr/bin/python3', ['-c', PARSE_TAGS], { input: html, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { tags: Tag[]; text: string };
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'span', 'p', 'a', 'strong', 'em', 'u', 'br', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'time',
]);
const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'class', 'id', 'href', 'aria-labelledby', 'datetime', 'type', 'start']);

describe.skipIf(!HAS_READERS)('exportHtml on the sample privacy policy (needs tidy and python3)', () => {
  const d = sample('privacy-policy');
  const html = exportHtml(d);

  it('is a document tidy finds nothing wrong with', () => {
    const { status, report } = tidy(html);
    expect(report).toBe('');
    expect(status).toBe(0);
  });

  it('has the head a standalone file needs, and fetches nothing', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="generator" content="Policywright">');
    expect(html).toContain('<title>Privacy Policy</title>');
    expect(html).toContain('<h1>Privacy Policy</h1>');
    expect(html).toContain('@media print');
    const { tags } = parse(html);
    expect(tags.filter((t) => ['script', 'img', 'link', 'iframe', 'object'].includes(t.tag))).toEqual([]);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
  });

  it('anchors every heading at its section id, with its number, at h2 to h6 by depth', () => {
    const { tags } = parse(html);
    const sections = tags.filter((t) => /^h[2-6]$/.test(t.tag) && t.attrs.some(([k, v]) => k === 'id' && v?.startsWith('s-')));
    const outline = outlineOf(d);
    expect(sections.map((t) => [t.tag, t.attrs.find(([k]) => k === 'id')?.[1]])).toEqual(
      outline.map((o) => [`h${Math.min(o.level + 1, 6)}`, o.id]),
    );
    expect(html).toContain('<h3 id="s-hcg9k38lkt"><span class="section-number">1.1</span> Our Role as Controller and as Processor</h3>');
    expect(html).toMatch(/<h4 id="[^"]+"><span class="section-number">2\.2\.1<\/span> Device and Log Data<\/h4>/);
  });

  it('has a table of contents whose every link lands on a heading, one entry per section, in order', () => {
    const { tags } = parse(html);
    const ids = new Set(tags.flatMap((t) => t.attrs.filter(([k]) => k === 'id').map(([, v]) => v)));
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(outlineOf(d).map((o) => o.id));
    for (const id of links) expect(ids.has(id ?? '')).toBe(true);
    expect(nav).toMatch(/<ol>\n<li><a href="#s-accp7e5a0b"><span class="section-number">1\.<\/span> Who We Are<\/a>\n<ol>/);
  });

  it('writes the document details with dates people read and machines parse', () => {
    expect(html).toContain('<dt>Effective date</dt><dd><time datetime="2026-01-15">15 January 2026</time></dd>');
    expect(html).toContain('<dt>Last updated</dt><dd><time datetime="2026-11-02">2 November 2026</time></dd>');
    expect(html).toContain('<dt>Version</dt><dd>2.1</dd>');
    expect(html).toContain('<dt>Owner</dt><dd>Legal &amp; Compliance</dd>');
  });

  it('keeps marks and links', () => {
    expect(html).toContain('<strong>Northwind Analytics Ltd.</strong>');
    expect(html).toContain('<em>Contact Us</em>');
    expect(html).toContain('<a href="https://northwind-analytics.example/">northwind-analytics.example</a>');
    expect(html).toContain('<a href="mailto:dpo@northwind-analytics.example">');
  });
});

describe.skipIf(!HAS_READERS)('exportHtml lists (needs tidy and python3)', () => {
  const d = policy(
    [
      li('one', 'number'),
      li('two', 'number'),
      li('nested bullet', 'bullet', 1),
      li('nested number', 'number', 1),
      li('bullet between'),
      li('three', 'number'),
      p('A paragraph ends the list.'),
      li('one again', 'number'),
    ],
    { title: 'Lists' },
  );
  const body = exportHtml(d, { fragment: true });

  it('nests by indent, carries the count across a bullet, and restarts after a paragraph', () => {
    expect(body).toBe(
      [
        '<ol>',
        '<li>one</li>',
        '<li>two',
        '<ul>',
        '<li>nested bullet</li>',
        '</ul>',
        '<ol type="a">',
        '<li>nested number</li>',
        '</ol></li>',
        '</ol>',
        '<ul>',
        '<li>bullet between</li>',
        '</ul>',
        '<ol start="3">',
        '<li>three</li>',
        '</ol>',
        '<p>A paragraph ends the list.</p>',
        '<ol>',
        '<li>one again</li>',
        '</ol>',
        '',
      ].join('\n'),
    );
    expect(tidy(exportHtml(d))).toEqual({ status: 0, report: '' });
  });
});

describe.skipIf(!HAS_READERS)('exportHtml with hostile input (needs tidy and python3)', () => {
  const d = hostileDocument();
  const html = exportHtml(d);

  it('contains no markup but its own: only known tags and attributes, links only to http, https, mailto or #', () => {
    const { tags } = parse(html);
    for (const { tag, attrs } of tags) {
      expect(ALLOWED_TAGS.has(tag), `tag <${tag}>`).toBe(true);
      for (const [name, value] of attrs) {
        expect(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} on <${tag}>`).toBe(true);
        if (name === 'href') expect(value ?? '').toMatch(/^(https?:|mailto:|#s-)/);
      }
    }
    expect(tags.filter((t) => t.tag === 'a' && t.attrs.some(([, v]) => v?.startsWith('https:')))).toHaveLength(1);
  });

  it('shows the hostile text as text, and an unsafe link as its words only', () => {
    const { text } = parse(html);
    for (const line of HOSTILE_TEXT) expect(text).toContain(line);
    expect(text).toContain('click me or me or this or data');
    expect(html).not.toMatch(/javascript:alert\([56]\)|data:text/);
    expect(html).toContain('<a href="https://example.com/?q=%22%3E%3Cscript%3Ealert(7)%3C/script%3E">this</a>');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;');
  });

  it('still passes tidy', () => {
    const { status, report } = tidy(html);
    expect(report).toBe('');
    expect(status).toBe(0);
  });
});

describe.skipIf(!HAS_READERS)('exportHtml fragment (needs tidy and python3)', () => {
  const d = sample('privacy-policy');
  const fragment = exportHtml(d, { fragment: true });

  it('is the body content only: no document shell, no style, no title, no table of contents', () => {
    expect(fragment).not.toMatch(/<(!doctype|html|head|body|style|title|nav|h1)\b/i);
    expect(fragment.startsWith('<dl class="document-info">')).toBe(true);
    expect(fragment).toContain('<h2 id="s-accp7e5a0b"><span class="section-number">1.</span> Who We Are</h2>');
  });

  it('is the same content as the standalone main', () => {
    const full = exportHtml(d);
    const main = full.slice(full.indexOf('<main>\n') + 7, full.indexOf('</main>'));
    expect(fragment.endsWith(main)).toBe(true);
  });
});
