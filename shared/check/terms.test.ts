import { describe, expect, it } from 'vitest';
import { bold, h, p, policy } from '../testing/builders';
import { definedTerms, occurrencesOf, termAt, termsByFirstWord } from './terms';

const doc = policy([
  p('This policy explains how Acme Ltd (the "Company") handles Personal Data.'),
  h(1, 's-defs000001', 'Definitions'),
  p(bold('Personal Data'), ' means any information relating to an identified person.'),
  p('"Service" means the Acme website and apps; the Service is run from the UK.'),
  h(1, 's-use0000001', 'How we use Personal Data'),
  p('The Company uses Personal Data to provide the Services. Personal data in lower case is not a use.'),
  h(1, 's-share00001', 'Sharing'),
  p('The Company shares no Personal Datapoints and no Personal Data with anyone outside the Service.'),
]);

describe('definedTerms', () => {
  it('lists each defined term with where it is defined, its definition and each use by section', () => {
    const terms = definedTerms(doc);
    expect(terms.map((t) => t.term)).toEqual(['Company', 'Personal Data', 'Service']);
    const personal = terms.find((t) => t.term === 'Personal Data');
    expect(personal?.definedAt).toMatchObject({ blockIndex: 2, sectionId: 's-defs000001', sectionNumber: '1', sectionTitle: 'Definitions' });
    expect(personal?.definition).toBe('Personal Data means any information relating to an identified person.');
    // The opening text's use, the heading's, one in 2 and one in 3 ("Datapoints" and "data" are not uses).
    expect(personal?.uses.map((u) => [u.sectionNumber, u.blockIndex])).toEqual([[null, 0], ['2', 4], ['2', 5], ['3', 7]]);
    expect(personal?.uses.map((u) => u.ordinal)).toEqual([0, 2, 3, 4]);
  });

  it('counts plurals as uses, and gives a term defined in a parenthesis its sentence', () => {
    const terms = definedTerms(doc);
    const service = terms.find((t) => t.term === 'Service');
    // The second "Service" in its defining sentence is a use; the first is the definition.
    expect(service?.uses.map((u) => [u.blockIndex, u.end - u.start])).toEqual([[3, 7], [5, 8], [7, 7]]);
    const company = terms.find((t) => t.term === 'Company');
    expect(company?.definedAt?.sectionId).toBeNull();
    expect(company?.uses).toHaveLength(2);
  });

  it('finds nothing in a document that defines nothing', () => {
    expect(definedTerms(policy([h(1, 's-intro00001', 'Intro'), p('We use Personal Data.')]))).toEqual([]);
  });
});

describe('occurrencesOf and termAt', () => {
  it('numbers each occurrence in the order of the texts', () => {
    const found = occurrencesOf(['Data, Data', 'no data', 'Datas Data'], ['Data']);
    expect(found.get('Data')?.map((o) => [o.blockIndex, o.start, o.ordinal])).toEqual([[0, 0, 0], [0, 6, 1], [2, 0, 2], [2, 6, 3]]);
  });

  it('finds the longest term under the pointer, and none between words', () => {
    const terms = termsByFirstWord(['Personal', 'Personal Data', 'Services']);
    const text = 'We keep your Personal Data safe, and Personal notes.';
    expect(termAt(text, text.indexOf('Data'), terms)).toEqual({ term: 'Personal Data', start: 13, end: 26 });
    expect(termAt(text, text.indexOf('Personal notes'), terms)?.term).toBe('Personal');
    expect(termAt(text, text.indexOf('safe'), terms)).toBeNull();
    expect(termAt('', 0, terms)).toBeNull();
  });
});
