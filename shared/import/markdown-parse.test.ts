import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded-random';
import { ALL_GFM, parseMarkdown, parseTree } from './markdown-parse';
import { gfmSyntaxIn } from './markdown-syntax';

// Pieces of the syntax each of GitHub's extensions looks for, escaped and not, and of what sits around it.
const TOKENS = [
  'www.example.com', 'WWW.Example.org/path', 'https://a.example/x?y=1', 'http://b.example', 'https\\://c.example', 'name@host.example',
  'dpo\\@host.example', 'a_b@c.example', '_@d.example', '*_@e.example*', '_', '__', '*', '**', '~', '~~', '|', '| --- |', '|:-:|', ':--', '---', '-', '[^1]', '[^1]: note',
  '[ ]', '[x]', '[X]', '- [ ] ', '1. ', '> ', '[link](https://d.example)', '[link](<https://e.example/a b>)', '](<mailto:f@g.example>)',
  '<https://auto.example>', '<h@i.example>', '`code www.j.example`', '```', '![www.k.example/](img.png)', '[ref]', '[ref]: https://l.example',
  '\\', '(', ')', 'text', 'Privacy', '\n', '\n', '\n\n', ' ', '  ', '\t', '.', '@',
];

/** A text of a few kinds of piece only, so that most texts lack most extensions' syntax and take the quick path. */
function soup(random: () => number): string {
  const kinds = Array.from({ length: 2 + Math.floor(random() * 8) }, () => TOKENS[Math.floor(random() * TOKENS.length)] as string);
  const n = 1 + Math.floor(random() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += kinds[Math.floor(random() * kinds.length)];
    if (random() < 0.4) s += ' ';
  }
  return s;
}

describe('the Markdown reader parses with only the extensions a text can use', () => {
  it('gives the same tree as with every extension on, for 1,500 random texts', () => {
    const random = seeded(20261205);
    for (let round = 0; round < 1500; round++) {
      const input = soup(random);
      expect(parseMarkdown(input), JSON.stringify(input)).toEqual(parseTree(input, ALL_GFM));
    }
  });

  it('leaves out the extensions a policy exported as Markdown does not use', () => {
    const exported = '---\ntitle: "Privacy"\n---\n\n# Privacy\n\nWrite to [dpo\\@host.example](<mailto:dpo@host.example>) or see https\\://x.example.\n';
    expect(gfmSyntaxIn(exported)).toEqual({ autolinkLiteral: false, footnote: false, strikethrough: false, table: false, taskListItem: false });
  });

  it('finds a bare address the first guess missed, in text after something that only looks like a link destination', () => {
    // The "](…)" here is no link (no "[" before it), so "www.a.example" stays text and becomes a link.
    const input = 'see ](www.a.example) now';
    expect(gfmSyntaxIn(input).autolinkLiteral).toBe(false);
    const tree = parseMarkdown(input);
    expect(JSON.stringify(tree)).toContain('"type":"link"');
    expect(tree).toEqual(parseTree(input, ALL_GFM));
  });

  it('turns on each extension where its syntax appears', () => {
    expect(gfmSyntaxIn('| a | b |\n| - | - |\n| 1 | 2 |').table).toBe(true);
    expect(gfmSyntaxIn('| a |\n---').table).toBe(true);
    expect(gfmSyntaxIn('Title\n---\n\n- item').table).toBe(false);
    expect(gfmSyntaxIn('~~gone~~').strikethrough).toBe(true);
    expect(gfmSyntaxIn('Text[^1]\n\n[^1]: note').footnote).toBe(true);
    expect(gfmSyntaxIn('- [x] done').taskListItem).toBe(true);
    expect(gfmSyntaxIn('mail name@host.example').autolinkLiteral).toBe(true);
    expect(gfmSyntaxIn('mail name\\@host.example').autolinkLiteral).toBe(false);
  });
});
