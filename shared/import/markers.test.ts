import { describe, expect, it } from 'vitest';
import { findUpdatedDateInSentence, parseHumanDate, readDateLine } from './dates';
import { readMarker, readTypedBullet, romanValue } from './markers';

describe('readMarker: every typed-number shape', () => {
  it.each([
    ['1. Information We Collect', 'decimal', [1], '1.'],
    ['1.1. Information You Provide', 'decimal', [1, 1], '1.1.'],
    ['2.3.1 Analytics', 'decimal', [2, 3, 1], '2.3.1'],
    ['A. General Provisions', 'upper-letter', [1], 'A.'],
    ['IV. Remedies', 'upper-roman', [4], 'IV.'],
    ['(a) Personal Data', 'paren-lower', [1], '(a)'],
    ['(iv) Fourth', 'paren-roman', [4], '(iv)'],
    ['(A) Upper', 'paren-upper', [1], '(A)'],
    ['(2) Digit', 'paren-digit', [2], '(2)'],
    ['Article IV Definitions', 'article', [4], 'Article IV'],
    ['ARTICLE 4 — Definitions', 'article', [4], 'ARTICLE 4 —'],
    ['Section 2 — Scope', 'section', [2], 'Section 2 —'],
    ['Section 1.01 Defined Terms', 'section', [1, 1], 'Section 1.01'],
    ['§ 3 Members', 'sign', [3], '§ 3'],
    ['§3.1 Details', 'sign', [3, 1], '§3.1'],
    ['a) ask for a copy', 'list-lower', [1], 'a)'],
    ['ii. for free', 'list-roman', [2], 'ii.'],
    ['1) first', 'list-digit', [1], '1)'],
    ['Clause 4 Payment', 'clause', [4], 'Clause 4'],
    ['CLAUSE 4.2 — Late Payment', 'clause', [4, 2], 'CLAUSE 4.2 —'],
    ['Subsection 2. Retention. The processor …', 'subsection', [2], 'Subsection 2.'],
    ['Sub-section 3.1 Storage', 'subsection', [1], 'Sub-section 3.1'],
    ['Paragraph 3. Measures. The processor …', 'paragraph', [3], 'Paragraph 3.'],
    ['Para. 4 Breaches', 'paragraph', [4], 'Para. 4'],
  ])('%j', (text, kind, path, marker) => {
    const m = readMarker(text);
    expect(m && { kind: m.kind, path: m.path, text: m.text }).toEqual({ kind, path, text: marker });
    expect(text.slice(m?.length ?? 0)).not.toMatch(/^\s/);
  });

  it('"(i)" and "I." carry both readings until the neighbours decide', () => {
    expect(readMarker('(i) Term')?.alternative).toEqual({ kind: 'paren-lower', path: [9] });
    expect(readMarker('I. Introduction')?.alternative).toEqual({ kind: 'upper-letter', path: [9] });
  });

  it.each(['1 year is enough.', '2023 was a year.', '3.5 million users', 'e.g. this', 'J.Smith wrote', 'Section 3 of the law', '§§ 3–5 apply', 'Articles of association'])(
    '%j is no section number (or is refused later)',
    (text) => {
      const m = readMarker(text);
      if (m) expect(['section', 'decimal']).toContain(m.kind); // "Section 3 of …" and "3.5 million" fall to the sentence and sequence rules
      else expect(m).toBeNull();
    },
  );

  it('romans and bullets', () => {
    expect([romanValue('iv'), romanValue('MCMXCIV'), romanValue('iiii')]).toEqual([4, 1994, NaN]);
    expect(['- a', '• b', '* c', '– d', '◦ e', '▪ f', '-x', '*bold*'].map(readTypedBullet)).toEqual([2, 2, 2, 2, 2, 2, 0, 0]);
  });
});

describe('dates', () => {
  it.each([
    ['October 26, 2023', '2023-10-26'],
    ['February 02, 2026', '2026-02-02'],
    ['26 October 2023', '2023-10-26'],
    ['26th of October, 2023', '2023-10-26'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['13/01/2024', '2024-01-13'],
    ['01/13/2024', '2024-01-13'],
    ['13.01.2024', '2024-01-13'],
    ['October 2023', null],
    ['soon', null],
  ])('%j → %j', (text, iso) => expect(parseHumanDate(text)).toBe(iso));

  it('reads labelled date lines, and nothing that says more than dates', () => {
    expect(readDateLine('Effective Date: October 26, 2023')).toEqual([{ kind: 'effectiveDate', value: '2023-10-26' }]);
    expect(readDateLine('Last updated: February 02, 2026')).toEqual([{ kind: 'lastUpdated', value: '2026-02-02' }]);
    expect(readDateLine('Effective: 26 October 2023')).toEqual([{ kind: 'effectiveDate', value: '2023-10-26' }]);
    expect(readDateLine('Last Revised 2024-01-05.')).toEqual([{ kind: 'lastUpdated', value: '2024-01-05' }]);
    expect(readDateLine('Effective Date: October 26, 2023 and then some')).toBeNull();
    expect(readDateLine('We updated this on October 26, 2023')).toBeNull();
  });

  it('reads "revised and effective" as both dates, a month alone as its first day, and version labels', () => {
    const both = [{ kind: 'effectiveDate', value: '2024-03-01' }, { kind: 'lastUpdated', value: '2024-03-01' }];
    expect(readDateLine('Revised and Effective: March 1, 2024')).toEqual(both);
    expect(readDateLine('Last Revised and Effective Date: 1 March 2024')).toEqual(both);
    expect(readDateLine('Effective and last updated: 2024-03-01')).toEqual(both);
    expect(readDateLine('Updated: March 2024')).toEqual([{ kind: 'lastUpdated', value: '2024-03-01', monthOnly: true }]);
    expect(readDateLine('Last updated: Sept. 2023')).toEqual([{ kind: 'lastUpdated', value: '2023-09-01', monthOnly: true }]);
    expect(readDateLine('Date of last revision: 03/2024')).toEqual([{ kind: 'lastUpdated', value: '2024-03-01', monthOnly: true }]);
    expect(readDateLine('Last updated: 2024-11')).toEqual([{ kind: 'lastUpdated', value: '2024-11-01', monthOnly: true }]);
    expect(readDateLine('Version 2.1')).toEqual([{ kind: 'versionLabel', value: '2.1' }]);
    expect(readDateLine('Policy version: 3')).toEqual([{ kind: 'versionLabel', value: '3' }]);
    expect(readDateLine('v1.4 | Effective: 26 October 2023')).toEqual([
      { kind: 'versionLabel', value: '1.4' },
      { kind: 'effectiveDate', value: '2023-10-26' },
    ]);
    // Sentences that mention a version or a month stay body text.
    expect(readDateLine('Version 2 of this policy replaces the first.')).toBeNull();
    expect(readDateLine('Updated in March 2024 to add cookies')).toBeNull();
    expect(readDateLine('March 2024')).toBeNull();
  });
});

describe('a "last updated" date inside a sentence', () => {
  it.each([
    ['This Privacy Policy was last updated on 5 May 2024.', '2024-05-05'],
    ['These terms were last revised in March 2024 and apply from then on.', '2024-03-01'],
    ['This notice has been updated on October 26, 2023.', '2023-10-26'],
    ['We updated our systems on 5 May 2024.', null],
    ['Your data is updated on 5 May 2024.', null],
  ])('%j', (sentence, iso) => {
    // Only a sentence about a revision in the past ("was last updated") names the policy's own date.
    expect(findUpdatedDateInSentence(sentence)).toBe(iso);
  });
});
