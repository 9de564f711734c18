import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/model/document';
import type { NUMBERING_STYLES } from '../../shared/model/vocabulary';
import { referenceTargets } from '../../shared/numbering/references';
import { completionFor } from './completion';

const heading = (id: string, level: number, title: string): Block => ({ kind: 'heading', id, level, runs: [{ text: title }] });
const blocks: Block[] = [heading('s-aaaaaa', 1, 'Scope'), heading('s-bbbbbb', 2, 'Who'), heading('s-cccccc', 1, 'Security'), heading('s-dddddd', 2, 'Access')];
const targets = (style: (typeof NUMBERING_STYLES)[number]) => referenceTargets(blocks, style);

describe('completionFor', () => {
  it('offers the section a typed "Section 2.1" names, replacing the number and keeping the word, in a decimal document', () => {
    const offer = completionFor('as set out in Section 2.1', targets('decimal'));
    expect(offer).toEqual({ id: 's-dddddd', start: 22, text: '2.1', number: '2.1', title: 'Access' });
    expect(completionFor('see clause 1', targets('decimal'))?.id).toBe('s-aaaaaa');
    expect(completionFor('see §2', targets('decimal'))?.id).toBe('s-cccccc');
  });

  it('replaces the word too where the style writes it, and wants that word', () => {
    expect(completionFor('under Article II', targets('article-section'))).toEqual({ id: 's-cccccc', start: 6, text: 'Article II', number: 'Article II', title: 'Security' });
    expect(completionFor('under section 2.01', targets('article-section'))?.id).toBe('s-dddddd');
    expect(completionFor('under Section II', targets('article-section'))).toBeNull();
    expect(completionFor('see § 1.1', targets('section-sign'))).toMatchObject({ id: 's-bbbbbb', text: '§ 1.1' });
    expect(completionFor('see Section b.1', targets('letter-decimal'))).toMatchObject({ id: 's-dddddd', text: 'b.1' });
  });

  it('offers nothing for a number no section has, a number not yet finished, or a word that only ends in "section"', () => {
    expect(completionFor('Section 7', targets('decimal'))).toBeNull();
    expect(completionFor('Section 2.', targets('decimal'))).toBeNull();
    expect(completionFor('Section 2.1 and', targets('decimal'))).toBeNull();
    expect(completionFor('subsection 2', targets('decimal'))).toBeNull();
    expect(completionFor('2.1', targets('decimal'))).toBeNull();
  });
});
