import { describe, expect, it } from 'vitest';
import type { Block, PolicyDocument } from '../model/document';
import { bold, h, li, p, policy, v } from '../testing/builders';
import { checkDocument, type CheckOptions } from './check-document';
import type { CheckRule } from './finding';
import { textBlock } from '../testing/text-block';

const rulesOf = (doc: PolicyDocument, options?: CheckOptions) => checkDocument(doc, options).map((f) => f.rule);
const only = (rule: CheckRule, doc: PolicyDocument, options?: CheckOptions) => checkDocument(doc, options).filter((f) => f.rule === rule);

/** A small well-formed policy the rules find nothing in; each test breaks it one way. */
const clean = (extra: Block[] = [], details: Partial<PolicyDocument> = {}) =>
  policy(
    [
      h(1, 's-defs00001', 'Definitions'),
      p('“Personal Data” means any information relating to an identified person.'),
      h(1, 's-use000001', 'How we use Personal Data'),
      p('We use Personal Data as described in Section 3.'),
      h(1, 's-rights001', 'Your rights'),
      p('You may ask us for a copy of your Personal Data at privacy@example.com or via https://example.com/privacy.'),
      ...extra,
    ],
    { title: 'Privacy Notice', effectiveDate: '2026-01-01', lastUpdated: '2026-02-01', ...details },
  );

describe('checkDocument', () => {
  it('finds nothing in a clean policy', () => {
    expect(checkDocument(clean())).toEqual([]);
  });

  describe('typed references', () => {
    it('reports a reference to a section that does not exist, with its section', () => {
      const [finding] = only('broken-reference', clean([p('See Section 7 for more.')]));
      expect(finding).toMatchObject({ severity: 'error', sectionId: 's-rights001', sectionNumber: '3', excerpt: 'Section 7' });
      expect(finding?.message).toBe('“Section 7” in section 3 names no section of this document (7).');
    });

    it('reads lists and ranges, and reports only the missing ones', () => {
      const [finding] = only('broken-reference', clean([p('Sections 1, 2 and 9 apply; see sections 2 – 3.')]));
      expect(finding?.message).toContain('(9)');
      expect(only('broken-reference', clean([p('Sections 1 and 2 apply.')]))).toEqual([]);
    });

    it('knows every numbering style: letters, articles in roman or arabic, §, sub-clauses', () => {
      const doc = (numbering: PolicyDocument['numbering'], text: string) => clean([p(text)], { numbering });
      expect(only('broken-reference', doc('letter-decimal', 'See Section B and Section C.'))).toEqual([]);
      expect(only('broken-reference', doc('letter-decimal', 'See Section D.4.'))).toHaveLength(1);
      expect(only('broken-reference', doc('article-section', 'See Article II and Article 3.'))).toEqual([]);
      expect(only('broken-reference', doc('article-section', 'See Article IV.'))).toHaveLength(1);
      expect(only('broken-reference', doc('section-sign', 'See § 2 and clause 3(b).'))).toEqual([]);
    });

    it('leaves references to other laws alone', () => {
      const laws = [
        'Under Section 1798.100 of the California Civil Code you may ask.',
        'We rely on Article 6(1)(f) GDPR.',
        'As required by Article 28 of Regulation (EU) 2016/679.',
        'See the CCPA Section 1798.83.',
      ];
      for (const text of laws) expect(only('broken-reference', clean([p(text)])), text).toEqual([]);
      expect(only('broken-reference', clean([p('See Section 9 of this Policy.')]))).toHaveLength(1);
    });
  });

  describe('defined terms', () => {
    it('recognises the ways policies define words', () => {
      const defined = [
        p('“Services” means our websites.'),
        p('Northwind Ltd (the “Company”) runs them.'),
        p('Our partners (collectively, “Partners”) help us.'),
        p('"Cookies" refers to small files.'),
        li(bold('Controller')),
      ];
      textBlock(defined[4]).runs.push({ text: ' means the person who decides.' });
      const uses = p('The Company and its Partners use Cookies on the Services; a Controller decides.');
      expect(only('unused-term', clean([...defined, uses]))).toEqual([]);
      const unused = only('unused-term', clean(defined)).map((f) => f.excerpt);
      expect(unused.sort()).toEqual(['Company', 'Controller', 'Cookies', 'Partners', 'Services']);
    });

    it('does not take quotations, or bold run-in headings outside a definitions section, for definitions', () => {
      expect(only('unused-term', clean([p('Click “Accept” to continue; the button says "OK".')]))).toEqual([]);
      const runIn = p(bold('Strictly necessary.'), ' These cookies keep you signed in.');
      expect(only('unused-term', clean([h(1, 's-cookies01', 'Cookies we use'), runIn]))).toEqual([]);
      const listed = p(bold('Cookies'), ': small files a site stores.');
      expect(only('unused-term', clean([h(1, 's-glossary1', 'Glossary'), listed])).map((f) => f.excerpt)).toEqual(['Cookies']);
    });

    it('reports a term defined twice, and differently', () => {
      const twice = only('term-defined-twice', clean([p('“Personal Data” means information about a person.')]));
      expect(twice).toMatchObject([{ severity: 'error', excerpt: 'Personal Data', sectionNumber: '3' }]);
      expect(twice[0]?.message).toContain('differently');
    });

    it('reports capitalised terms used as defined terms but never defined, once each', () => {
      const found = only('undefined-term', clean([p('We share data with our Service Providers and with any Service Providers abroad.')]));
      expect(found.map((f) => f.excerpt)).toEqual(['Service Providers']);
      // Sentence starts, defined terms (and plurals), headings and well-known names are not terms to define.
      expect(only('undefined-term', clean([p('Personal Data stays in the European Union. Your rights are listed.')]))).toEqual([]);
    });

    it('reports no undefined terms in a document that defines none', () => {
      const doc = policy([h(1, 's-only00001', 'Scope'), p('We share data with our Service Providers.')]);
      expect(only('undefined-term', doc)).toEqual([]);
    });
  });

  it('reports placeholders left in the text, and unfilled variables', () => {
    const found = only('placeholder', clean([p('Contact [insert email] by TBD or <<date>> or ____ or {{company}}.')]));
    expect(found.map((f) => f.excerpt)).toEqual(['[insert email]', 'TBD', '<<date>>', '____', '{{company}}']);
    // Each alone in its run, as the quick look for one that comes first sees it.
    for (const text of ['[Company name]', 'TODO', 'FIXME', 'XXXX', '<<Controller>>', '______', '{{dpo_email}}', '[insert date]']) {
      expect(only('placeholder', clean([p(`Send it to ${text} today.`)])).map((f) => f.excerpt), text).toEqual([text]);
    }
    const withVariable = clean([p('We are ', v('company_name'), '.')]);
    expect(only('unfilled-variable', withVariable, { variables: { company_name: '' } })).toHaveLength(1);
    expect(only('unfilled-variable', withVariable, { variables: { company_name: 'Northwind' } })).toEqual([]);
  });

  it('reports empty sections and repeated headings', () => {
    const doc = clean([h(1, 's-empty0001', 'Contact'), h(1, 's-again0001', 'Your Rights'), p('Again.')]);
    expect(only('empty-section', doc)).toMatchObject([{ sectionId: 's-empty0001', excerpt: 'Contact' }]);
    expect(only('duplicate-heading', doc)).toMatchObject([{ sectionId: 's-again0001', message: 'Section 5 has the same heading as section 3: “Your Rights”.' }]);
    // A heading whose subsections hold the text is not empty.
    expect(only('empty-section', clean([h(1, 's-parent001', 'Parent'), h(2, 's-child0001', 'Child'), p('Text.')]))).toEqual([]);
  });

  it('reports dates out of order and a "last updated" older than the last substantive version', () => {
    expect(rulesOf(clean([], { effectiveDate: '2026-03-01', lastUpdated: '2026-02-01' }))).toEqual(['dates-out-of-order']);
    const stale = only('stale-last-updated', clean(), { lastSubstantiveVersion: { name: 'March update', day: '2026-03-05' } });
    expect(stale[0]?.message).toBe('“Last updated” (2026-02-01) is older than the substantive version “March update” of 2026-03-05.');
    expect(only('stale-last-updated', clean(), { lastSubstantiveVersion: { name: 'Jan', day: '2026-01-05' } })).toEqual([]);
  });

  it('reports typed addresses that are not http, https or mailto', () => {
    const found = only('bad-link', clean([p('Download from ftp://files.example.com/policy or javascript:alert(1); see www.example.com.')]));
    expect(found.map((f) => f.excerpt)).toEqual(['ftp://files.example.com/policy', 'javascript:alert(1']);
    // Each on its own, in any case, and with a letter that only folds to an ASCII one (ſ, the long s): the quick
    // look for an address that comes first misses none of them.
    for (const text of ['JAVASCRIPT:alert(1)', 'JavaScript:void(0)', 'javaſcript:alert(1)', 'gopher://old.example', 'WWW.EXAMPLE.COM/x']) {
      const one = only('bad-link', clean([p(`See ${text} now.`)]));
      expect(one.map((f) => f.excerpt), text).toHaveLength(/^WWW/.test(text) ? 0 : 1);
    }
  });

  it('reports a deprecated clause once per use, and not once unlinked', () => {
    const clause = { use: 'u-abc123', id: 'old-retention', source: 'project' as const, version: 1, state: 'linked' as const };
    const blocks: Block[] = [{ ...h(1, 's-keep00001', 'Retention'), clause }, { ...p('We keep data for ten years.'), clause }];
    const options = { deprecatedClauses: new Set(['old-retention']) };
    expect(only('deprecated-clause', clean(blocks), options)).toMatchObject([{ sectionId: 's-keep00001', excerpt: 'old-retention' }]);
    const unlinked = blocks.map((b) => ({ ...b, clause: { ...clause, state: 'unlinked' as const } }));
    expect(only('deprecated-clause', clean(unlinked), options)).toEqual([]);
  });

  it('leaves out what a person dismissed', () => {
    const doc = clean([p('See Section 7.')]);
    const [finding] = checkDocument(doc);
    expect(finding).toBeDefined();
    expect(checkDocument(doc, { dismissed: [finding as NonNullable<typeof finding>] })).toEqual([]);
  });
});

describe('checkDocument with footnotes and tables', () => {
  it('reads a footnote where its mark stands and a table cell as text, and takes neither mark for a placeholder', () => {
    const doc = policy([
      { kind: 'heading', id: 's-scope0001', level: 1, runs: [{ text: 'Scope' }] },
      { kind: 'paragraph', runs: [{ text: 'This applies everywhere.' }, { text: '{{note:n-note00001}}', note: 'n-note00001' }] },
      { kind: 'table', rows: [{ cells: [{ runs: [{ text: 'Retention: [INSERT PERIOD]' }] }] }] },
    ], { notes: [{ id: 'n-note00001', runs: [{ text: 'Except where [INSERT COUNTRY] law says otherwise.' }] }] });
    const placeholders = checkDocument(doc).filter((finding) => finding.rule === 'placeholder');
    expect(placeholders.map((finding) => [finding.excerpt, finding.sectionNumber])).toEqual([
      ['[INSERT COUNTRY]', '1'],
      ['[INSERT PERIOD]', '1'],
    ]);
  });
});
