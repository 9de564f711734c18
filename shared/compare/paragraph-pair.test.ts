import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mark, TextBlock } from '../model/document';
import { tokenizeFolded } from './paragraph-pair';
import { diffSection } from './section-diff';

// Pieces chosen to sit on every edge the folding must respect: joiners inside words (' ’ - .), several kinds of white
// space, letters outside ASCII and outside the BMP, a lone high surrogate, punctuation.
const PIECES = ['data', 'the', 'a', 'e.g', 'opt-out', "controller's", 'café', '𝔸x', '\ud835', ' ', '  ', '\t', '\u00a0', ',', '.', '-', "'", '’', 'x', '1'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

type Edit = { at: number; drop: number; insert: string };
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), drop: fc.nat({ max: 6 }), insert: text.map((t) => t.slice(0, 8)) });

/** A character-level edit: the way a person's edit leaves long shared text on both sides of it. */
function applyEdit(source: string, e: Edit): string {
  const at = source.length === 0 ? 0 : e.at % (source.length + 1);
  return source.slice(0, at) + e.insert + source.slice(at + e.drop);
}

const style = fc.constantFrom<{ marks?: Mark[]; link?: string }>({}, {}, { marks: ['bold'] }, { link: 'https://example.org' });
const shape = fc.constantFrom<'paragraph' | 'list-item'>('paragraph', 'paragraph', 'list-item');

type Lead = { text: string; marks?: Mark[]; ref?: string; refTitle?: true; note?: string } | null;
/**
 * A run before the edited one: none, a defined term in bold, plain text, an empty run, a cross-reference (the same
 * section under another number, another section, the same with its title, in bold) or a footnote's mark.
 */
const lead = fc.constantFrom<Lead>(
  null,
  { text: 'Data', marks: ['bold'] },
  { text: 'Note: ' },
  { text: '' },
  { text: 'Data' },
  { text: '4.2', ref: 's-a' },
  { text: '4.3', ref: 's-a' },
  { text: '4.2', ref: 's-b' },
  { text: '4.2 (Data)', ref: 's-a', refTitle: true },
  { text: '4.2', ref: 's-a', marks: ['bold'] },
  { text: '{{note:n-1}}', note: 'n-1' },
  { text: '{{note:n-2}}', note: 'n-2' },
);

function paragraph(kind: 'paragraph' | 'list-item', body: string, runStyle: { marks?: Mark[]; link?: string }, first: Lead = null): TextBlock {
  const runs = [...(first ? [first] : []), { text: body, ...runStyle }];
  return kind === 'paragraph' ? { kind, runs } : { kind, list: 'bullet', indent: 0, runs };
}

describe('folding the shared start and end of a paragraph', () => {
  it('gives the redline that splitting the whole paragraph into words gives', () => {
    fc.assert(
      fc.property(
        text, fc.array(edit, { minLength: 1, maxLength: 3 }), shape, shape, style, style, lead, fc.option(lead),
        (source, edits, oldKind, newKind, oldStyle, newStyle, oldLead, otherLead) => {
        const edited = edits.reduce(applyEdit, source);
        const oldBlock = paragraph(oldKind, source, oldStyle, oldLead);
        // Mostly the same leading run in both editions (what folds); sometimes another one.
        const newBlock = paragraph(newKind, edited, newStyle, otherLead === null ? oldLead : otherLead);
        expect(diffSection([oldBlock], [newBlock])).toEqual(diffSection([oldBlock], [newBlock], { foldSharedText: false }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the same redline for several paragraphs changed side by side', () => {
    const original = fc.record({ body: text, kind: shape, runStyle: style, first: lead });
    const change = fc.record({ edits: fc.array(edit, { maxLength: 2 }), kind: fc.option(shape), runStyle: fc.option(style), first: fc.option(lead) });
    fc.assert(
      fc.property(fc.array(fc.tuple(original, change), { minLength: 1, maxLength: 4 }), fc.nat(), fc.boolean(), (paragraphs, at, split) => {
        const oldBlocks = paragraphs.map(([p]) => paragraph(p.kind, p.body, p.runStyle, p.first));
        const newBlocks = paragraphs.map(([p, c]) =>
          paragraph(c.kind ?? p.kind, c.edits.reduce(applyEdit, p.body), c.runStyle ?? p.runStyle, c.first === null ? p.first : c.first),
        );
        // Sometimes a paragraph more on one side: stretches of one paragraph against two.
        if (split) newBlocks.splice(at % (newBlocks.length + 1), 0, paragraph('paragraph', 'data the', {}));
        expect(diffSection(oldBlocks, newBlocks)).toEqual(diffSection(oldBlocks, newBlocks, { foldSharedText: false }));
      }),
      { numRuns: 3000 },
    );
  });

  it('folds a long shared start and end into one token each', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const oldText = words.join(' ');
    const newText = [...words.slice(0, 20), 'changed', ...words.slice(21)].join(' ');
    const pair = tokenizeFolded([paragraph('paragraph', oldText, {})], [paragraph('paragraph', newText, {})]);
    expect(pair).not.toBeNull();
    const [oldTokens, newTokens] = pair!;
    // A folded start, a few tokens around the edit, a folded end, the paragraph mark: far fewer than 80 tokens.
    expect(oldTokens.texts.length).toBeLessThan(10);
    expect(newTokens.texts.join('')).toBe(newText);
    expect(oldTokens.texts.join('')).toBe(oldText);
  });
});
