import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiBundle, escapeRegexLiteral } from '../../scripts/ascii-bundle.mjs';

const regexOf = (literal: string): RegExp => new Function(`return ${literal}`)() as RegExp;

/** Text to try each pair of expressions on: what they are meant to match, what they are not, and lone surrogates. */
const PROBES = ['’', "'", '§§ 3', '§', 'a–b', 'a—b', 'a-b', 'ß', 'straße', '😀', '\ud83d', '\ude00', 'x😀y', 'Müller', '\uffff', '\ud800', 'plain', ''];

describe('escapeRegexLiteral', () => {
  const cases = [
    String.raw`/^(?:Section|Article|§)\s*/u`,
    String.raw`/[’‘]/gu`,
    String.raw`/[ßæœøđðłþı]/g`,
    String.raw`/[\ud800-￿]/`,
    String.raw`/\s[-–—]\s/`,
    String.raw`/(?<![\p{L}])[\p{Lu}][\p{Ll}’'-]+/u`,
    '/[😀]/',
    '/[😀]/u',
    '/x😀+y/',
    '/x😀+y/v',
    String.raw`/\’/`,
    String.raw`/a\\–/`,
    String.raw`/(?<straße>s)\k<straße>/u`,
  ];

  it('writes every case in ASCII', () => {
    for (const literal of cases) expect(escapeRegexLiteral(literal), literal).not.toMatch(/[\u0080-\uffff]/);
  });

  it('leaves an expression matching exactly what it matched, flags and all', () => {
    for (const literal of cases) {
      const before = regexOf(literal);
      const after = regexOf(escapeRegexLiteral(literal));
      expect(after.flags, literal).toBe(before.flags);
      for (const probe of PROBES) {
        before.lastIndex = 0;
        after.lastIndex = 0;
        expect(after.exec(probe), `${literal} on ${JSON.stringify(probe)}`).toEqual(before.exec(probe));
      }
    }
  });

  it('leaves an ASCII literal as it is', () => {
    expect(escapeRegexLiteral(String.raw`/^\s*(?:[.:]|-(?=\s))\s*\u2014/gu`)).toBe(String.raw`/^\s*(?:[.:]|-(?=\s))\s*\u2014/gu`);
  });
});

describe('asciiBundle', () => {
  it('rewrites a bundle and its map, and refuses a raw template it cannot escape', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-ascii-'));
    try {
      const file = path.join(dir, 'bundle.cjs');
      await fs.writeFile(file, "/* © the authors */\nconst dash = /[–—]/u;\nmodule.exports = (s) => dash.test(s);\n");
      await fs.writeFile(`${file}.map`, JSON.stringify({ version: 3, sources: ['source.ts'], names: [], mappings: 'AAAA;AACA;AACA' }));
      expect(asciiBundle(file)).toEqual({ escaped: 1 });
      const text = await fs.readFile(file, 'utf8');
      expect(text).not.toMatch(/[\u0080-\uffff]/);
      const test = (new Function('module', `${text}; return module.exports;`) as (m: { exports: unknown }) => (s: string) => boolean)({ exports: null });
      expect([test('a–b'), test('a—b'), test('a-b')]).toEqual([true, true, false]);
      expect(JSON.parse(await fs.readFile(`${file}.map`, 'utf8')).sources).toEqual(['source.ts']);

      await fs.writeFile(file, 'const word = String.raw`[’]`;\n');
      expect(() => asciiBundle(file)).toThrow(/template at \d+/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
