import { describe, expect, it } from 'vitest';
import { DocumentIdSchema } from './document';
import { blockText, runsToPlainText, slugify } from './text';

describe('slugify', () => {
  it.each<[string, string]>([
    ['Privacy Policy', 'privacy-policy'],
    ['  Terms & Conditions!! ', 'terms-conditions'],
    ['Café Übersicht', 'cafe-ubersicht'],
    ['Ünïcode 2026 — Policy', 'unicode-2026-policy'],
    ['GDPR/CCPA Notice (v2)', 'gdpr-ccpa-notice-v2'],
    ['already-a-slug', 'already-a-slug'],
    ['---dashes---', 'dashes'],
    ['!!!', 'document'],
    ['', 'document'],
    ['日本語', 'document'],
    ['a'.repeat(100), 'a'.repeat(64)],
    [`${'a'.repeat(63)} b`, 'a'.repeat(63)],
  ])('%j → %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('always gives a valid document id', () => {
    const titles = ['', ' ', '-', 'A', 'Ä-', '--x--', `x${'-'.repeat(70)}y`, `${'ab '.repeat(40)}`, '\u0000', '😀 policy 😀', 'ⅩⅣ', 'ﬁle'];
    for (const title of titles) expect(DocumentIdSchema.safeParse(slugify(title)).success, title).toBe(true);
  });
});

describe('runsToPlainText and blockText', () => {
  it('joins the runs text, ignoring marks and links', () => {
    const runs = [{ text: 'Who ' }, { text: 'We', marks: ['bold' as const] }, { text: ' Are', link: 'https://example.com' }];
    expect(runsToPlainText(runs)).toBe('Who We Are');
    expect(blockText({ kind: 'heading', id: 's-abcdef', level: 1, runs })).toBe('Who We Are');
    expect(runsToPlainText([])).toBe('');
  });
});
