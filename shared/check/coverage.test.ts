import { describe, expect, it } from 'vitest';
import type { Block } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { ChecklistSchema, type Checklist, type Requirement } from './checklist-schema';
import { coverage, coverageOfLaws } from './coverage';

const requirement = (id: string, recognise: Partial<Requirement['recognise']>, clause?: string): Requirement => ({
  id,
  citation: 'Art. 13(2)(a)',
  title: id,
  description: `The ${id}.`,
  recognise: { keywords: [], topics: [], clauses: [], ...recognise },
  ...(clause ? { clause } : {}),
});
const checklist = (...requirements: Requirement[]): Checklist =>
  ChecklistSchema.parse({ format: 1, id: 'test-law', title: 'Test law', version: 1, jurisdiction: 'EU', source: 'https://example.com/law', requirements });
const withClause = (block: Block, id: string, state: 'linked' | 'locked' | 'unlinked' = 'linked'): Block => ({ ...block, clause: { use: `u-${id}`, id, source: 'project', version: 1, state } });

const retention = requirement('retention', { keywords: [['retain'], ['how long', 'keep']] }, 'retention');

describe('coverage', () => {
  describe('by keywords', () => {
    it('finds a section whose heading and text hold every word of one group, at the start of a word', () => {
      const doc = policy([h(1, 's-intro0001', 'Introduction'), p('Hello.'), h(1, 's-keep00001', 'Records'), p('We retained your data.')]);
      expect(coverage(doc, checklist(retention))).toEqual([
        { requirement: retention, covered: { sectionId: 's-keep00001', sectionNumber: '2', title: 'Records' }, by: 'keywords', offer: null },
      ]);
      const twoWords = policy([h(1, 's-long00001', 'How Long We Keep It'), p('As the law says.')]);
      expect(coverage(twoWords, checklist(retention))[0]?.covered?.sectionId).toBe('s-long00001');
    });

    it('does not match inside a word, a group split over two sections, or the words of a phrase apart', () => {
      const inside = policy([h(1, 's-a00000001', 'Detained'), p('We detain nothing.')]);
      expect(coverage(inside, checklist(retention))[0]).toMatchObject({ covered: null, by: null, offer: 'retention' });
      const split = policy([h(1, 's-a00000001', 'How long'), p('It depends.'), h(1, 's-b00000001', 'What we keep'), p('Little.')]);
      expect(coverage(split, checklist(retention))[0]?.covered).toBeNull();
      const apart = policy([h(1, 's-a00000001', 'Rights'), p('You can opt in or out of the sale.')]);
      const optOut = requirement('opt-out', { keywords: [['opt out', 'sale']] });
      expect(coverage(apart, checklist(optOut))[0]?.covered).toBeNull();
      const hyphened = policy([h(1, 's-a00000001', 'Rights'), p('You can Opt-out of the sale of your data.')]);
      expect(coverage(hyphened, checklist(optOut))[0]?.covered?.sectionId).toBe('s-a00000001');
    });

    it('reads typographic apostrophes as typed ones, and the opening text as a place of its own', () => {
      const children = requirement('children', { keywords: [["children's"]] });
      const doc = policy([p('This covers children’s data.'), h(1, 's-a00000001', 'Other'), p('Text.')]);
      expect(coverage(doc, checklist(children))[0]?.covered).toEqual({ sectionId: null, sectionNumber: null, title: '' });
    });

    it('prefers a section whose heading names the disclosure to an earlier mention in passing', () => {
      const doc = policy([h(1, 's-a00000001', 'Security'), p('Logs are retained briefly.'), h(1, 's-b00000001', 'How Long We Retain Data'), p('Six years.')]);
      expect(coverage(doc, checklist(retention))[0]?.covered?.sectionId).toBe('s-b00000001');
    });

    it('finds the first section in the document, whichever of the words starting with a keyword it holds', () => {
      // "retained" sorts before "retains": the index meets section 2 first, and must still answer section 1.
      const doc = policy([h(1, 's-a00000001', 'Alpha'), p('It retains logs.'), h(1, 's-b00000001', 'Beta'), p('It retained logs.')]);
      expect(coverage(doc, checklist(retention))[0]?.covered?.sectionId).toBe('s-a00000001');
    });

    it('reads a section’s own text, not its subsections’', () => {
      const doc = policy([h(1, 's-parent001', 'Our practices'), p('Below.'), h(2, 's-child0001', 'Records'), p('We retain records.')]);
      expect(coverage(doc, checklist(retention))[0]?.covered).toEqual({ sectionId: 's-child0001', sectionNumber: '1.1', title: 'Records' });
    });
  });

  describe('by clause', () => {
    it('finds a section holding a listed clause, before any section whose words match', () => {
      const byClause = requirement('retention', { keywords: [['retain']], clauses: ['retention'] });
      const doc = policy([h(1, 's-words0001', 'We retain'), p('Text.'), h(1, 's-clause001', 'Keeping data'), withClause(p('Some text.'), 'retention')]);
      expect(coverage(doc, checklist(byClause))[0]).toMatchObject({ covered: { sectionId: 's-clause001' }, by: 'clause', offer: null });
    });

    it('does not count another clause, or one unlinked from the library', () => {
      const byClause = requirement('retention', { clauses: ['retention'] }, 'retention');
      const other = policy([h(1, 's-clause001', 'Security'), withClause(p('Text.'), 'security')]);
      expect(coverage(other, checklist(byClause))[0]).toMatchObject({ covered: null, offer: 'retention' });
      const unlinked = policy([h(1, 's-clause001', 'Keeping data'), withClause(p('Text.'), 'retention', 'unlinked')]);
      expect(coverage(unlinked, checklist(byClause))[0]?.covered).toBeNull();
    });
  });

  describe('by topic', () => {
    const byTopic = requirement('transfers', { topics: ['transfers'] }, 'international-transfers');
    const doc = policy([h(1, 's-abroad001', 'Abroad'), withClause(p('Text.'), 'our-transfers')]);

    it('finds a section holding a clause with a listed topic', () => {
      const clauseTopics = (id: string) => (id === 'our-transfers' ? ['transfers'] : []);
      expect(coverage(doc, checklist(byTopic), { clauseTopics })[0]).toMatchObject({ covered: { sectionId: 's-abroad001' }, by: 'topic', offer: null });
    });

    it('needs the clause to have the topic, and the topics to be known', () => {
      expect(coverage(doc, checklist(byTopic), { clauseTopics: () => ['security'] })[0]).toMatchObject({ covered: null, offer: 'international-transfers' });
      expect(coverage(doc, checklist(byTopic))[0]?.covered).toBeNull();
    });
  });

  it('offers nothing for a missing requirement no clause covers, and reads several checklists at once', () => {
    const appeal = requirement('appeal', { keywords: [['appeal']] });
    const doc = policy([h(1, 's-a00000001', 'Rights'), p('You may appeal our decision.')]);
    const [first, second] = coverageOfLaws(doc, [checklist(retention), checklist(appeal)]);
    expect(first?.[0]).toMatchObject({ covered: null, by: null, offer: 'retention' });
    expect(second?.[0]).toMatchObject({ covered: { sectionId: 's-a00000001' }, by: 'keywords', offer: null });
    expect(coverage(policy([h(1, 's-a00000001', 'Rights'), p('None.')]), checklist(appeal))[0]).toMatchObject({ covered: null, offer: null });
  });
});
