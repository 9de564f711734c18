import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../model/document';
import { blockTexts, compileQuery, countInBlocks, findInTexts, keptSentence, matchOffsets, planReplaceAll, VARIABLE_MARK, type FindQuery, type TextMatch } from './find';

const plain: FindQuery = { text: '', matchCase: false, wholeWord: false, regex: false };

function find(texts: string[], query: Partial<FindQuery>): TextMatch[] {
  const compiled = compileQuery({ ...plain, ...query });
  if (!compiled.ok) throw new Error(compiled.problem);
  return findInTexts(texts, compiled.pattern);
}

/** The matched strings, for reading. */
function found(texts: string[], query: Partial<FindQuery>): string[] {
  return find(texts, query).map((m) => (texts[m.block] ?? '').slice(m.start, m.end));
}

/** Applies a plan from the last edit back, as the editor does. */
function replaceAll(texts: string[], query: Partial<FindQuery>, replacement: string, locked: number[] = []) {
  const plan = planReplaceAll(texts, { ...plain, ...query }, replacement, (block) => !locked.includes(block));
  if ('problem' in plan) throw new Error(plan.problem);
  const out = [...texts];
  for (const edit of [...plan.edits].reverse()) {
    const text = out[edit.block] ?? '';
    out[edit.block] = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return { texts: out, kept: plan.kept, count: plan.edits.length };
}

describe('find', () => {
  it('finds every match, with its block and offsets, in document order', () => {
    expect(find(['the cat', 'no', 'The end, the'], { text: 'the' })).toEqual([
      { block: 0, start: 0, end: 3 },
      { block: 2, start: 0, end: 3 },
      { block: 2, start: 9, end: 12 },
    ]);
  });

  it('ignores case unless asked to match it', () => {
    expect(found(['The THE the'], { text: 'the' })).toEqual(['The', 'THE', 'the']);
    expect(found(['The THE the'], { text: 'the', matchCase: true })).toEqual(['the']);
    expect(found(['RÉSUMÉ résumé'], { text: 'résumé' })).toEqual(['RÉSUMÉ', 'résumé']);
  });

  it('takes the text literally when it is not a regular expression', () => {
    expect(found(['a.c abc (x) $1'], { text: 'a.c' })).toEqual(['a.c']);
    expect(found(['a.c abc (x) $1'], { text: '(x)' })).toEqual(['(x)']);
    expect(found(['a-b a+b'], { text: 'a-b' })).toEqual(['a-b']);
    expect(found(['[1] \\d'], { text: '\\d' })).toEqual(['\\d']);
  });

  it('finds whole words only when asked, with letters of any script counted as word letters', () => {
    expect(found(['the theme bathe the.'], { text: 'the', wholeWord: true })).toEqual(['the', 'the']);
    // "é" is a letter: "résumé" does not end a word after "résum", and "résumés" is another word.
    expect(found(['résumé résumés résum'], { text: 'résum', wholeWord: true })).toEqual(['résum']);
    expect(find(['résumé résumés'], { text: 'résumé', wholeWord: true })).toEqual([{ block: 0, start: 0, end: 6 }]);
    // A decomposed "é" (e + combining accent) is one letter too.
    expect(found(['cafe\u0301 cafe'], { text: 'cafe', wholeWord: true })).toEqual(['cafe']);
    expect(found(['данные данных'], { text: 'данные', wholeWord: true })).toEqual(['данные']);
    expect(found(['data_set data'], { text: 'data', wholeWord: true })).toEqual(['data']);
  });

  it('searches regular expressions, with whole word around the whole of an alternation', () => {
    expect(found(['Section 12 and section 3a'], { text: 'section \\d+', regex: true })).toEqual(['Section 12', 'section 3']);
    expect(found(['cat category dog'], { text: 'cat|dog', regex: true, wholeWord: true })).toEqual(['cat', 'dog']);
  });

  it('skips empty matches, and does not loop on them', () => {
    expect(find(['abc', ''], { text: '^', regex: true })).toEqual([]);
    expect(find(['abc'], { text: 'x*', regex: true })).toEqual([]);
    expect(found(['aa b aaa'], { text: 'a*', regex: true })).toEqual(['aa', 'aaa']);
    expect(found(['one two'], { text: '\\b', regex: true })).toEqual([]);
  });

  it('finds what matchAll finds, empty matches and surrogate pairs included, and leaves the pattern at its start', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '😀', '\ud83d', 'é', VARIABLE_MARK), { maxLength: 12 }).map((parts) => parts.join(''));
    const source = fc.constantFrom('a*', 'a+', '\\b', '(?:)', '.', 'b?', '[😀a]*', '\\p{L}*', 'a.');
    fc.assert(
      fc.property(text, source, fc.constantFrom('g', 'gi', 'gy', 'gu', 'giu', 'gv'), (value, pattern, flags) => {
        const regex = new RegExp(pattern, flags);
        const expected: number[] = [];
        for (const match of value.matchAll(regex)) {
          if (match[0].length > 0 && !match[0].includes(VARIABLE_MARK)) expected.push(match.index, match.index + match[0].length);
        }
        expect(matchOffsets(value, regex)).toEqual(expected);
        expect(regex.lastIndex).toBe(0);
      }),
    );
  });

  it('refuses a pattern that is not global, on which a walk with exec would never end', () => {
    expect(() => matchOffsets('abc', /b/)).toThrow(TypeError);
  });

  it('says in one sentence why a regular expression cannot be searched, never throwing', () => {
    const compiled = compileQuery({ ...plain, text: 'a(b', regex: true });
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) {
      expect(compiled.problem).toMatch(/^This is not a regular expression that can be searched for \(.+\)\.$/);
      expect(compiled.problem.split('. ').length).toBe(1);
    }
    expect(compileQuery({ ...plain, text: 'a(b' }).ok).toBe(true);
  });

  it('finds nothing for an empty query, without a problem to show', () => {
    expect(compileQuery({ ...plain, text: '' })).toEqual({ ok: false, problem: '' });
  });

  it('finds a word across marks, since a stored block is searched as the text of its runs joined', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', runs: [{ text: 'a ré' }, { text: 'sum', marks: ['bold'] }, { text: 'é here' }] },
      { kind: 'paragraph', runs: [{ text: 'Dear ' }, { text: '{{company}}', variable: 'company' }, { text: ' company' }] },
    ];
    const texts = blockTexts(blocks);
    expect(texts).toEqual(['a résumé here', `Dear ${VARIABLE_MARK} company`]);
    expect(find(texts, { text: 'résumé', wholeWord: true })).toEqual([{ block: 0, start: 2, end: 8 }]);
    // A variable is a chip: its placeholder is not text to find, and no match takes it in.
    expect(find(texts, { text: 'company' })).toEqual([{ block: 1, start: 7, end: 14 }]);
    expect(find(texts, { text: 'Dear .', regex: true })).toEqual([]);
  });

  it('sees a cross-reference as a chip too: its stored section id is not text to find', () => {
    const texts = blockTexts([{ kind: 'paragraph', runs: [{ text: 'See ' }, { text: '{{ref:s-aaaaaa}}', ref: 's-aaaaaa' }] }]);
    expect(texts).toEqual([`See ${VARIABLE_MARK}`]);
    expect(find(texts, { text: 'ref' })).toEqual([]);
  });

  it('counts the matches in a stored document, none for a query that cannot be searched', () => {
    const blocks: Block[] = [
      { kind: 'heading', id: 's-abcdef', level: 1, runs: [{ text: 'The Data' }] },
      { kind: 'paragraph', runs: [{ text: 'data, ' }, { text: 'DATA', marks: ['bold'] }, { text: ' and metadata' }] },
    ];
    expect(countInBlocks(blocks, { ...plain, text: 'data' })).toBe(4);
    expect(countInBlocks(blocks, { ...plain, text: 'data', wholeWord: true })).toBe(3);
    expect(countInBlocks(blocks, { ...plain, text: 'data', matchCase: true })).toBe(2);
    expect(countInBlocks(blocks, { ...plain, text: '(', regex: true })).toBe(0);
  });

  it('never finds a match across two blocks', () => {
    expect(find(['end of one', 'two starts'], { text: 'one two' })).toEqual([]);
    expect(find(['end of one', 'two starts'], { text: 'one\\s+two', regex: true })).toEqual([]);
  });
});

describe('replace all', () => {
  it('replaces every match, keeping offsets right when the length changes', () => {
    const { texts, count } = replaceAll(['the cat and the hat', 'The end'], { text: 'the' }, 'a');
    expect(texts).toEqual(['a cat and a hat', 'a end']);
    expect(count).toBe(3);
  });

  it('fills in $1, $<name>, $& and $$ from a regular expression', () => {
    expect(replaceAll(['Smith, John; Doe, Jane'], { text: '(\\w+), (\\w+)', regex: true }, '$2 $1').texts).toEqual(['John Smith; Jane Doe']);
    expect(replaceAll(['12 kg'], { text: '(?<n>\\d+) kg', regex: true }, '$<n> kilograms ($&) $$').texts).toEqual(['12 kilograms (12 kg) $']);
    // "$12" with one group is group 1 then "2"; a group that took part in nothing is empty.
    expect(replaceAll(['ab'], { text: '(a)(x)?b', regex: true }, '[$12][$2]').texts).toEqual(['[a2][]']);
  });

  it('takes the replacement literally when the query is plain text', () => {
    expect(replaceAll(['cost'], { text: 'cost' }, '$1 & $&').texts).toEqual(['$1 & $&']);
  });

  it('sees what the search saw around a match, lookbehind and whole word included', () => {
    expect(replaceAll(['xa ya'], { text: '(?<=y)a', regex: true }, 'b').texts).toEqual(['xa yb']);
    expect(replaceAll(['cat concat cat'], { text: 'cat', wholeWord: true }, 'dog').texts).toEqual(['dog concat dog']);
  });

  it('leaves the matches in blocks that may not change, and counts them', () => {
    const { texts, kept, count } = replaceAll(['the a', 'the b', 'the the c'], { text: 'the' }, 'THE', [1, 2]);
    expect(texts).toEqual(['THE a', 'the b', 'the the c']);
    expect(kept).toBe(3);
    expect(count).toBe(1);
    expect(keptSentence(kept)).toBe('3 matches are in approved clauses and were not replaced.');
    expect(keptSentence(1)).toBe('1 match is in an approved clause and was not replaced.');
  });

  it('does nothing and says why for a broken regular expression', () => {
    expect(planReplaceAll(['x'], { ...plain, text: '[', regex: true }, 'y', () => true)).toHaveProperty('problem');
  });
});
