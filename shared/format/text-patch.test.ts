import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTextPatch, piecesPatch } from './text-patch';

describe('piecesPatch', () => {
  it('turns the joined pieces before into the joined pieces after, whatever was inserted, removed or replaced', () => {
    const piece = fc.constantFrom('', 'a', 'bc', ',\n    ', '{"kind":"paragraph"}', 'é😀', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), fc.nat(12), fc.nat(12), (before, inserted, from, count) => {
        const after = [...before];
        after.splice(Math.min(from, before.length), count, ...inserted);
        const patch = piecesPatch(before, after);
        expect(applyTextPatch(before.join(''), patch)).toBe(after.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('sends only what changed: one changed piece in the middle of many is the whole insert', () => {
    const before = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[500] = 'line 500, edited';
    expect(piecesPatch(before, after)).toEqual({ at: before.slice(0, 500).join('').length, remove: 'line 500'.length, insert: 'line 500, edited' });
  });

  it('takes a stand-in piece by its length where it is shared, and writes it out where it is part of the change', () => {
    let written = 0;
    const long = { length: 5, toString: () => (written++, 'hello') };
    expect(piecesPatch(['<', long, 'a', '>'], ['<', long, 'b', '>'])).toEqual({ at: 6, remove: 1, insert: 'b' });
    expect(written).toBe(0);
    expect(piecesPatch(['<', long, 'x'], ['[', long, 'y'])).toEqual({ at: 0, remove: 7, insert: '[helloy' });
    expect(written).toBe(1);
  });

  it('is empty when nothing changed', () => {
    const pieces = ['a', 'b', 'c'];
    expect(piecesPatch(pieces, [...pieces])).toEqual({ at: 3, remove: 0, insert: '' });
  });
});

describe('applyTextPatch', () => {
  it('refuses a patch that reaches past the end of the text it is given', () => {
    expect(applyTextPatch('short', { at: 3, remove: 5, insert: 'x' })).toBeNull();
    expect(applyTextPatch('short', { at: 3, remove: 2, insert: 'x' })).toBe('shox');
  });
});
