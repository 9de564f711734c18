import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument, type Run } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';

/** pandoc reads the exports here, as text a reader would see: without it there is nothing to check against. */
const HAS_PANDOC = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;

function plain(text: string, from: 'html' | 'gfm'): string {
  const result = spawnSync('pandoc', ['-f', from, '-t', 'plain', '--wrap=none'], { input: text, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
const cut = { id: 'c-cut0001', by: 'Ben', at: '2026-12-04T11:30:00Z' };
const add = { id: 'c-add0001', by: 'Ana', at: '2026-12-04T12:00:00Z' };
const move = { id: 'c-move0001', by: 'Cleo', at: '2026-12-04T13:00:00Z' };
const bold = { id: 'c-bold0001', by: 'Cleo', at: '2026-12-04T13:30:00Z' };

/** Every kind of suggestion, open, and comments on the text and on a section: what a reviewer leaves behind. */
const suggested: PolicyDocument = policy(
  [
    { ...h(1, 's-contact01', 'Contact'), change: { ...move, kind: 'move-from' } },
    h(1, 's-intro0001', 'Introduction'),
    p('We ', { text: 'sell', del: ana }, { text: 'never sell', ins: ana } as Run, { text: ' your data', comments: ['k-note00001'] }, '.'),
    { kind: 'paragraph', change: { ...cut, kind: 'delete' }, runs: [{ text: 'Old wording withdrawn.', del: cut }] },
    { kind: 'paragraph', change: { ...add, kind: 'insert' }, runs: [{ text: 'A new promise.', ins: add }] },
    { kind: 'heading', id: 's-scope0001', level: 1, runs: [{ text: 'Scope' }], relevel: { ...ben, was: 2 } },
    p('Applies ', { text: 'worldwide', marks: ['bold'], formatted: { ...bold, was: [] } }, '.'),
    { ...h(1, 's-contact01', 'Contact'), change: { ...move, kind: 'move-to' } },
    p('Write to us.'),
  ],
  {
    title: 'Reviewed Policy',
    comments: [
      { id: 'k-note00001', by: 'Dana', at: '2026-12-04T14:00:00Z', text: 'CONFIDENTIAL REVIEW NOTE', replies: [{ id: 'k-reply0001', by: 'Ana', at: '2026-12-04T14:10:00Z', text: 'INTERNAL REPLY' }] },
      { id: 'k-sect00001', by: 'Ben', at: '2026-12-04T15:00:00Z', text: 'SECTION REMARK', section: 's-scope0001' },
    ],
  },
);

/** The same policy written out by hand as it reads with every suggestion accepted, and without comments. */
const accepted: PolicyDocument = policy(
  [
    h(1, 's-intro0001', 'Introduction'),
    p('We never sell your data.'),
    p('A new promise.'),
    h(1, 's-scope0001', 'Scope'),
    p('Applies ', { text: 'worldwide', marks: ['bold'] }, '.'),
    h(1, 's-contact01', 'Contact'),
    p('Write to us.'),
  ],
  { title: 'Reviewed Policy' },
);

const WITHDRAWN = ['We sell', 'nevernever', 'Old wording withdrawn', 'CONFIDENTIAL REVIEW NOTE', 'INTERNAL REPLY', 'SECTION REMARK', 'Ana', 'Dana', 'Cleo', 'c-ana0001', 'c-move0001', 'k-note00001', 'k-sect00001'];

describe.skipIf(!HAS_PANDOC)('HTML and Markdown exports of a document with open suggestions and comments (needs pandoc)', () => {
  it('is a valid stored document to start from', () => {
    expect(PolicyDocumentSchema.safeParse(suggested).success).toBe(true);
  });

  it('HTML reads, to pandoc, exactly as the accepted text written by hand, and holds no comment', () => {
    const html = exportHtml(suggested);
    expect(plain(html, 'html')).toBe(plain(exportHtml(accepted), 'html'));
    for (const word of ['never sell your data', 'A new promise.', '3. Contact']) expect(plain(html, 'html')).toContain(word);
    for (const gone of WITHDRAWN) expect(html).not.toContain(gone);
  });

  it('the HTML fragment for a CMS too', () => {
    expect(plain(exportHtml(suggested, { fragment: true }), 'html')).toBe(plain(exportHtml(accepted, { fragment: true }), 'html'));
  });

  it('Markdown reads, to pandoc, exactly as the accepted text written by hand, and holds no comment', () => {
    const markdown = exportMarkdown(suggested);
    expect(markdown).toBe(exportMarkdown(accepted));
    expect(plain(markdown, 'gfm')).toContain('We never sell your data.');
    for (const gone of WITHDRAWN) expect(markdown).not.toContain(gone);
  });
});
