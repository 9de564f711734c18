import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../model/document';
import { seeded } from '../testing/seeded-random';
import { importDocument } from './index';
import { importMarkdown } from './markdown';
import { readersNeeded, markdownTree } from './markdown-read';

/** Section ids are drawn at random on each import: two imports of one text are compared with them numbered. */
function withoutIds(doc: PolicyDocument): string {
  const ids = new Map<string, string>();
  return JSON.stringify(doc).replace(/"s-[0-9a-z]{10}"/g, (id) => {
    if (!ids.has(id)) ids.set(id, `"s-${ids.size}"`);
    return ids.get(id) as string;
  });
}

const PIECES = [
  '---\ntitle: "Privacy"\nversion: "2.1"\n---\n', '---\ntitle: Privacy\nversion: 2.10\n---\n', '---\ntitle: "a" # note\n---\n', '# Privacy\n\n',
  '## 1. Scope\n\n', 'We collect data.', ' <u>under</u> ', '<b>', '</b>', '\n\n<p>A block of <b>HTML</b>.</p>\n\n', '> quote\n', '- item\n',
  '- <div>in a list</div>\n', '| a | b |\n| - | - |\n', '**bold**', 'https://x.example', '\n\n', '\n',
];

describe('importDocument reads Markdown as importMarkdown does, loading the HTML and YAML readers only when needed', () => {
  it('gives the same document for 200 random texts', async () => {
    const random = seeded(77);
    for (let round = 0; round < 200; round++) {
      const first = random() < 0.5 ? (PIECES[Math.floor(random() * 3)] as string) : '';
      const text = first + Array.from({ length: 1 + Math.floor(random() * 12) }, () => PIECES[3 + Math.floor(random() * (PIECES.length - 3))]).join('');
      const viaIndex = await importDocument('policy.md', new TextEncoder().encode(text)).then(withoutIds, (error: Error) => error.message);
      let direct: string;
      try {
        direct = withoutIds(importMarkdown(text, { fileName: 'policy.md' }));
      } catch (error) {
        direct = (error as Error).message;
      }
      expect(viaIndex, JSON.stringify(text)).toBe(direct);
    }
  });

  it('asks for the HTML reader for raw HTML blocks only, and for YAML for front matter not of the simple form', () => {
    expect(readersNeeded(markdownTree('---\ntitle: "A"\n---\n\nText with <u>a tag</u>.\n'))).toEqual({ html: false, yaml: false });
    expect(readersNeeded(markdownTree('Text.\n\n<div>block</div>\n'))).toEqual({ html: true, yaml: false });
    expect(readersNeeded(markdownTree('> - <div>deep</div>\n'))).toEqual({ html: true, yaml: false });
    expect(readersNeeded(markdownTree('---\ntitle: A\n---\n\nText.\n'))).toEqual({ html: false, yaml: true });
  });
});
