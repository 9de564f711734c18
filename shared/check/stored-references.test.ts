import { describe, expect, it } from 'vitest';
import { h, p, policy } from '../testing/builders';
import { ref } from '../testing/reference-documents';
import { checkDocument } from './check-document';

/** Stored cross-references in the checker: a deleted target is an error; a live one is read as its number. */

const doc = (...body: Parameters<typeof p>) =>
  policy([h(1, 's-intro0001', 'Introduction'), p('Hello.'), h(1, 's-rights001', 'Your rights'), p(...body), h(2, 's-access01', 'Access'), p('Ask us.')], {
    title: 'Privacy Notice',
  });

describe('checkDocument: stored cross-references', () => {
  it('reports a reference whose section is gone as an error in the section that holds it', () => {
    const findings = checkDocument(doc('See ', ref('s-deleted01'), ' for more.'));
    expect(findings).toEqual([
      {
        rule: 'missing-reference',
        severity: 'error',
        sectionId: 's-rights001',
        sectionNumber: '2',
        message: 'A cross-reference in section 2 points at a section that is no longer in the document.',
        excerpt: '[missing section]',
      },
    ]);
  });

  it('finds nothing in a reference to a section that is there, in any numbering style: no placeholder, no broken typed reference', () => {
    for (const numbering of ['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const) {
      const d = { ...doc('See Section ', ref('s-access01'), ' and ', ref('s-intro0001', true), '.'), numbering };
      expect(checkDocument(d)).toEqual([]);
    }
  });

  it('reads a live reference as the number it shows, so a typed reference beside it is checked as usual', () => {
    const findings = checkDocument(doc('Sections ', ref('s-access01'), ' and 9 apply.'));
    expect(findings.map((f) => [f.rule, f.excerpt])).toEqual([['broken-reference', 'Sections 2.1 and 9']]);
  });
});
