import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seeded } from '../testing/seeded-random';
import { simpleFrontMatter } from './front-matter-lines';

const PIECES = ['title', 'version', 'x-y', '_k', ':', ': ', ' ', '  ', '"', '"2.1"', '"Privacy Policy"', '\\"', '\\n', '#', ' # note', "'", '2.10', 'null', '~', '\t', '-', '[a]', '{}', '&a', '*a', 'ü', '😀', '\n', '\r\n'];

describe('front matter of the simple form is read as YAML reads it', () => {
  it('reads the export\'s front matter', () => {
    expect(simpleFrontMatter('title: "Privacy Policy"\nversion: "2.1"\r\nowner: "Legal & Compliance: #1"\n')).toEqual({ title: 'Privacy Policy', version: '2.1', owner: 'Legal & Compliance: #1' });
  });

  it('leaves every other form to the YAML library', () => {
    for (const source of ['version: 2.1', 'title: "a" # note', 'title: "a\\"b"', "title: 'a'", 'title:"a"', 'list:\n  - a', 'title : "a"']) {
      expect(simpleFrontMatter(source), source).toBeNull();
    }
  });

  it('agrees with the YAML library on 3,000 random texts wherever it reads one', () => {
    const random = seeded(4242);
    let read = 0;
    for (let round = 0; round < 3000; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const key = PIECES[Math.floor(random() * 4)] as string;
        const value = Array.from({ length: Math.floor(random() * 4) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
        return random() < 0.6 ? `${key}: "${value}"` : `${key}${value}`;
      });
      const source = lines.join('\n');
      const simple = simpleFrontMatter(source);
      if (simple === null) continue;
      read++;
      expect(simple, JSON.stringify(source)).toEqual(parse(source, { uniqueKeys: false }) ?? {});
    }
    expect(read).toBeGreaterThan(300);
  });
});
