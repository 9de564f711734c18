import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import { isSectionRow } from '../compare/types';
import type { PolicyDocument } from '../model/document';
import { hostileDocument } from './fixtures/hostile';
import { exportRedlineHtml } from './redline-html';
import { axeAudit } from '../testing/axe';
import { section } from '../testing/builders';
import { CHROMIUM, CHROMIUM_TIMEOUT, HAS_CHROMIUM, useChromium, withPage } from '../../testing/chromium';
import { CHECKED_SECTIONS, NEW_EDITION, OLD_EDITION, benchEditions, documentText, loadBenchGenerator, normalizeText } from './redline-test-documents';

const LABELS = { oldLabel: 'Version 1.0', newLabel: 'Version 2.0' };
const comparison = compareDocuments(OLD_EDITION, NEW_EDITION, LABELS);
const html = exportRedlineHtml(comparison);

const work = mkdtempSync(path.join(tmpdir(), 'policywright-redline-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
/** tidy and Python's HTML parser read the redlines here: without them there is nothing to check against. */
const HAS_READERS = has('tidy', ['-v']) && has('/usr/bin/python3', ['--version']);

/** tidy's report on a file: its exit status (0 clean, 1 warnings, 2 errors) and what it said. */
function tidy(page: string): { status: number | null; report: string } {
  const file = path.join(work, `t${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, page);
  const result = spawnSync('tidy', ['-q', '-e', file], { encoding: 'utf8' });
  return { status: result.status, report: `${result.stdout}${result.stderr}` };
}

interface Parsed {
  tags: Array<{ tag: string; attrs: Array<[string, string | null]> }>;
  /** The redline's text as a reader accepting every change reads it (no deletions), and as one rejecting them. */
  accepted: string;
  rejected: string;
  summary: Record<string, string>;
}

/**
 * Python's HTML parser, which follows the HTML tokenizer closely enough to see every tag a browser would. It also reads
 * the redline twice over: leaving out <del> (the new text), and leaving out <ins> (the old). Section numbers, status
 * words, pilcrows and the lines where moved sections stood are the redline's own words, not the policy's.
 */
const PARSE = String.raw`
import json, sys
from html.parser import HTMLParser
VOID = {'meta', 'br', 'link', 'img', 'hr', 'input'}
BLOCKS = {'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'div', 'section'}
OWN = {'section-number', 'status', 'move-origin', 'break'}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.stack, self.summary, self.key = [], [], {}, None
        self.accepted, self.rejected = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append({'tag': tag, 'attrs': attrs})
        if tag in VOID: return
        a = dict(attrs)
        self.stack.append((tag, set((a.get('class') or '').split()), a.get('id')))
        if 'data-summary' in a: self.key = a['data-summary']
        if tag in BLOCKS:
            self.accepted.append('\n'); self.rejected.append('\n')
    def handle_startendtag(self, tag, attrs): self.tags.append({'tag': tag, 'attrs': attrs})
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag: break
        self.key = None
    def handle_data(self, data):
        if self.key: self.summary[self.key] = self.summary.get(self.key, '') + data
        inside = [t for t, _, _ in self.stack]
        classes = set().union(*[c for _, c, _ in self.stack]) if self.stack else set()
        if 'main' not in inside or any(i == 'redline-text' for _, _, i in self.stack) or classes & OWN: return
        if not any('redline' in c for _, c, _ in self.stack): return
        if 'del' not in inside: self.accepted.append(data)
        if 'ins' not in inside: self.rejected.append(data)
p = P(); p.feed(sys.stdin.read())
print(json.dumps({'tags': p.tags, 'accepted': ''.join(p.accepted), 'rejected': ''.join(p.rejected), 'summary': p.summary}))
`;

function parse(page: string): Parsed {
  const result = spawnSync('/usr/bin/python3', ['-c', PARSE], { input: page, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Parsed;
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'section', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'span', 'p', 'a', 'strong', 'em', 'u', 'br', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'ins', 'del', 'table', 'thead', 'tbody',
  'tr', 'th', 'td',
]);
const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'class', 'id', 'href', 'aria-labelledby', 'type', 'start', 'scope', 'title', 'data-summary']);

describe.skipIf(!HAS_READERS)('exportRedlineHtml (needs tidy and python3)', () => {
  let parsed: Parsed;
  // Read before the tests run rather than while they are collected: only where the readers are.
  beforeAll(() => {
    parsed = parse(html);
  });

  it('is one standalone page tidy finds nothing wrong with, fetching nothing and running nothing', () => {
    expect(tidy(html)).toEqual({ status: 0, report: '' });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(parsed.tags.filter((t) => ['script', 'img', 'link', 'iframe', 'object'].includes(t.tag))).toEqual([]);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
    for (const { tag, attrs } of parsed.tags) {
      expect(ALLOWED_TAGS.has(tag), `tag <${tag}>`).toBe(true);
      for (const [name] of attrs) expect(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} on <${tag}>`).toBe(true);
    }
  });

  it('is titled with the policy and both editions', () => {
    expect(html).toContain('<title>Changes to Privacy Notice: Version 1.0 → Version 2.0</title>');
    expect(html).toContain('<h1>Changes to Privacy Notice: Version 1.0 → Version 2.0</h1>');
  });

  it('opens with the summary, its numbers those of the comparison', () => {
    const s = comparison.summary;
    expect(s).toMatchObject({ added: 1, deleted: 1, moved: 1 });
    expect(parsed.summary).toEqual({
      changed: String(s.changed),
      added: String(s.added),
      deleted: String(s.deleted),
      moved: String(s.moved),
      split: String(s.split),
      merged: String(s.merged),
      unchanged: String(s.unchanged),
      wordsInserted: String(s.wordsInserted),
      wordsDeleted: String(s.wordsDeleted),
      wordsMoved: String(s.wordsMoved),
      linksChanged: String(s.linksChanged),
    });
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="details"'));
    expect(html.indexOf('id="details"')).toBeLessThan(html.indexOf('id="s-intro01"'));
  });

  it('lists the changed document details, old and new', () => {
    expect(html).toContain('<tr><th scope="row">Title</th><td><del>Privacy Policy</del></td><td><ins>Privacy Notice</ins></td></tr>');
    expect(html).toContain('<tr><th scope="row">Last updated</th><td><del>15 January 2026</del></td><td><ins>2 November 2026</ins></td></tr>');
    expect(html).toContain('<th scope="col">Version 1.0</th><th scope="col">Version 2.0</th>');
  });

  it('marks changed words with <ins> and <del>, keeping bold and links', () => {
    expect(html).toContain('<p>We are <strong>Northwind Analytics Ltd.</strong>, a company registered in England<ins> and Wales</ins>.</p>');
    expect(html).toContain('<li>your <del>browser</del><ins>device</ins> type;</li>');
    expect(html).toContain('<a href="mailto:privacy@northwind.example">privacy@northwind.example</a><ins> or call us</ins>.');
  });

  it('shows a split and a join as an inserted and a deleted paragraph break', () => {
    expect(html).toContain('<p>We collect your name and email address.<ins class="break" title="Paragraph break inserted">¶</ins></p>');
    expect(html).toContain('<p>You give us details when you sign up.<del class="break" title="Paragraph break deleted">¶</del></p>');
  });

  it('inserts an added section whole and deletes a deleted one whole, saying so in words', () => {
    expect(html).toContain('<h2 id="s-cookie01"><span class="section-number">4.</span> <ins>Cookies</ins> <span class="status">Added</span></h2>');
    expect(html).toContain('<p><ins>We use <strong>strictly necessary</strong> cookies to remember your settings.</ins></p>');
    expect(html).toContain('<h2 id="s-share001"><span class="section-number">3.</span> <del>Sharing</del> <span class="status">Deleted</span></h2>');
    expect(html).toContain('<p><del>We never <strong>sell</strong> or share your data.</del></p>');
  });

  it('shows a moved section with its edits where it now stands, and a linked line where it stood', () => {
    expect(html).toContain('<h2 id="s-retain01"><span class="section-number">2.</span> Retention <span class="status">Moved from <a href="#moved-from-s-retain01">4</a></span></h2>');
    expect(html).toContain('<p>We keep your data for <del>six</del><ins>seven</ins> years after you close your account.</p>');
    expect(html).toContain('<p class="move-origin" id="moved-from-s-retain01">4. Retention — moved to <a href="#s-retain01">2</a></p>');
    // The line stands where the section stood: after Sharing, the old section 3.
    expect(html.indexOf('id="s-share001"')).toBeLessThan(html.indexOf('id="moved-from-s-retain01"'));
  });

  it('shows old → new numbers of renumbered sections', () => {
    expect(html).toContain('<h2 id="s-collect1"><span class="section-number renumbered"><span class="old-number">2.</span> → 3.</span> Information We Collect</h2>');
    expect(html).toContain('<h3 id="s-direct01"><span class="section-number renumbered"><span class="old-number">2.1</span> → 3.1</span> Information You Give Us</h3>');
  });

  it('writes lists as lists, numbered lists numbered', () => {
    expect(html).toMatch(/<ul>\n<li>your IP address;<\/li>/);
    expect(html).toMatch(/<ol>\n<li>correct your data;<\/li>\n<li>delete your data<ins>;<\/ins>/);
  });

  it('reads as the new edition without its deletions, and holds every old word without its insertions', () => {
    expect(normalizeText(parsed.accepted)).toBe(documentText(NEW_EDITION));
    // The old words, in the new order (a moved section is shown where it now stands).
    const words = (text: string) => (text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? []).sort();
    expect(words(parsed.rejected)).toEqual(words(documentText(OLD_EDITION)));
  });

  it('writes every anchor once', () => {
    const ids = parsed.tags.flatMap((t) => t.attrs.filter(([name]) => name === 'id').map(([, value]) => value));
    expect(new Set(ids).size).toBe(ids.length);
    const rows = comparison.rows.filter(isSectionRow).filter((row) => row.new?.depth !== 0 && row.old?.depth !== 0);
    for (const row of rows) expect(ids).toContain((row.new ?? row.old)?.id);
  });
});

describe.skipIf(!HAS_READERS)('exportRedlineHtml with hostile input (needs tidy and python3)', () => {
  const old = hostileDocument();
  const edited: PolicyDocument = {
    ...old,
    title: `${old.title} <b>2</b>`,
    blocks: [...old.blocks.slice(0, 3), { kind: 'paragraph', runs: [{ text: '<script>alert("inserted")</script> & <b>more</b>' }] }, ...old.blocks.slice(4)],
  };
  const page = exportRedlineHtml(compareDocuments(old, edited, { oldLabel: '<script>alert("old")</script>', newLabel: '"><img src=x onerror=alert(1)>' }));
  let parsed: Parsed;
  beforeAll(() => {
    parsed = parse(page);
  });

  it('escapes every piece of text: the policy, the labels, the title', () => {
    expect(parsed.tags.filter((t) => !ALLOWED_TAGS.has(t.tag))).toEqual([]);
    expect(page).toContain('<ins>&lt;script&gt;</ins>alert(<del>2</del><ins>&quot;inserted&quot;</ins>)<ins>&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;</ins>');
    expect(page).toContain('&lt;script&gt;alert(&quot;old&quot;)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).not.toMatch(/javascript:alert\([56]\)|data:text/);
    for (const t of parsed.tags) for (const [name, value] of t.attrs) if (name === 'href') expect(value ?? '').toMatch(/^(https?:|mailto:|#)/);
  });

  it('still passes tidy', () => {
    expect(tidy(page)).toEqual({ status: 0, report: '' });
  });
});

describe.skipIf(!HAS_READERS)('exportRedlineHtml of identical editions (needs tidy and python3)', () => {
  it('has a summary of nothing changed, no details table, and the text as it stands', () => {
    const page = exportRedlineHtml(compareDocuments(OLD_EDITION, structuredClone(OLD_EDITION), LABELS));
    expect(page.slice(page.indexOf('<main>'))).not.toMatch(/<(ins|del)[ >]/);
    expect(page).not.toContain('id="details"');
    expect(normalizeText(parse(page).accepted)).toBe(documentText(OLD_EDITION));
    expect(tidy(page)).toEqual({ status: 0, report: '' });
  });
});

// How long this takes on the whole bench document is measured by redline-timing.bench.test.ts (`npm run bench`).
describe.skipIf(!HAS_READERS)(`exportRedlineHtml on the bench document's first ${CHECKED_SECTIONS} sections, edited as the bench edits it (needs tidy and python3)`, () => {
  it('exports it tidy-clean, reading as the new edition', async () => {
    const big = benchEditions(await loadBenchGenerator(), CHECKED_SECTIONS);
    const page = exportRedlineHtml(compareDocuments(big.old, big.new, LABELS));
    expect(tidy(page)).toEqual({ status: 0, report: '' });
    expect(normalizeText(parse(page).accepted)).toBe(documentText(big.new));
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------------------

describe.skipIf(!HAS_CHROMIUM)(`exportRedlineHtml accessibility, axe-core in Chromium (needs ${CHROMIUM})`, () => {
  const chromium = useChromium();

  it(
    'has no serious or critical violations, and the checks that matter ran',
    () =>
      withPage(chromium.browser, html, async (page) => {
        const results = await axeAudit(page, readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
        expect(results.serious).toEqual([]);
        expect(results.passed).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'color-contrast', 'heading-order', 'list', 'listitem', 'link-name', 'th-has-data-cells']));
        // Every change is announced: screen readers hear where insertions and deletions start and end.
        const announced = await page.evaluate(() => {
          const ins = document.querySelector('main ins:not(.break)');
          const del = document.querySelector('main del:not(.break)');
          return [ins && getComputedStyle(ins, '::before').content, del && getComputedStyle(del, '::before').content];
        });
        expect(announced).toEqual(['" [insertion start] "', '" [deletion start] "']);
        // And not by colour alone: underlined and struck through.
        const lines = await page.evaluate(() =>
          ['ins', 'del'].map((tag) => getComputedStyle(document.querySelector(`main ${tag}`) as Element).textDecorationLine),
        );
        expect(lines).toEqual(['underline', 'line-through']);
      }),
    CHROMIUM_TIMEOUT,
  );
});

describe('exportRedlineHtml, a section moved with its subsections', () => {
  it('draws one "moved to" line for the section, none for the subsections that went with it', () => {
    const base: PolicyDocument = { ...OLD_EDITION, blocks: [
      ...section(1, 's-aaaaaa', 'Short', 'One.'),
      ...section(1, 's-bbbbbb', 'Long section with parts', 'A long introduction to the section that has several parts in it.'),
      ...section(2, 's-cccccc', 'First part', 'The first part says something substantial about the retention of data.'),
      ...section(2, 's-dddddd', 'Second part', 'The second part says something substantial about the deletion of data.'),
      // Longer than the three sections above together, so those are the ones said to move.
      ...section(1, 's-eeeeee', 'A long neighbour', 'Two. '.repeat(80)),
    ] };
    const blocks = base.blocks;
    const moved: PolicyDocument = { ...base, blocks: [...blocks.slice(0, 2), ...blocks.slice(8), ...blocks.slice(2, 8)] };
    const result = compareDocuments(base, moved, LABELS);
    const page = exportRedlineHtml(result);
    expect(result.summary.moved).toBe(1);
    expect(result.rows.filter((row) => isSectionRow(row) && row.status === 'moved').length).toBe(3);
    expect(page.match(/class="move-origin"/g)?.length).toBe(1);
  });
});
