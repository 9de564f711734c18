import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../shared/model/document';
import { loadSampleDocuments } from '../store/sample';
import { disclosureCoverage, readLaws, starterClauseTopics } from './disclosures';

async function samplePrivacyPolicy(): Promise<PolicyDocument> {
  const found = (await loadSampleDocuments()).find((d) => d.id === 'privacy-policy');
  if (!found) throw new Error('The sample project has no privacy policy.');
  return found.doc;
}

/** The document without the section whose heading has `id`, and its subsections. */
function withoutSection(doc: PolicyDocument, id: string): PolicyDocument {
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
  const heading = doc.blocks[start];
  if (!heading || heading.kind !== 'heading') throw new Error(`No section ${id}.`);
  const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= heading.level);
  return { ...doc, blocks: [...doc.blocks.slice(0, start), ...doc.blocks.slice(end === -1 ? doc.blocks.length : end)] };
}

describe('the sample privacy policy against the GDPR', () => {
  it('makes every disclosure but the one about automated decisions, each in the section a reader would look in', async () => {
    const [gdpr] = disclosureCoverage(await samplePrivacyPolicy(), await readLaws('gdpr'), await starterClauseTopics());
    const where = Object.fromEntries(gdpr?.requirements.map((r) => [r.requirement.id, r.covered ? `${r.covered.sectionNumber} ${r.covered.title}` : `missing, offer ${r.offer}`]) ?? []);
    expect(where).toEqual({
      'controller-identity': '1 Who We Are',
      'dpo-contact': '1.2 Our Data Protection Officer',
      'purposes-and-legal-basis': '4 Legal Bases for Processing (GDPR)',
      'legitimate-interests': '4.2 Legitimate Interests',
      'categories-of-data': '2 Information We Collect',
      recipients: '5 Sharing and Disclosure',
      'international-transfers': '6 International Transfers',
      retention: '7 Data Retention',
      'data-subject-rights': '9.1.1 Access and Portability',
      'withdraw-consent': '9.1.4 Withdrawing Consent',
      complaint: '9.4 Complaints',
      'source-of-data': '2.3 Information from Other Sources',
      'statutory-or-contractual': '2.1 Information You Give Us',
      'automated-decisions': 'missing, offer automated-decisions',
    });
  });

  it('reports the retention disclosure missing, with the clause that makes it, once that section is removed', async () => {
    const doc = withoutSection(await samplePrivacyPolicy(), 's-k6lrxk1pmo');
    const [gdpr] = disclosureCoverage(doc, await readLaws('gdpr'), await starterClauseTopics());
    const missing = gdpr?.requirements.filter((r) => r.covered === null).map((r) => [r.requirement.id, r.requirement.citation, r.offer]);
    expect(missing).toEqual([
      ['retention', 'Art. 13(2)(a); Art. 14(2)(a)', 'retention'],
      ['automated-decisions', 'Art. 13(2)(f); Art. 14(2)(g)', 'automated-decisions'],
    ]);
  });

  it('knows the complaints section by its clause, and would by its topic', async () => {
    const [gdpr] = disclosureCoverage(await samplePrivacyPolicy(), await readLaws('gdpr'), await starterClauseTopics());
    expect(gdpr?.requirements.find((r) => r.requirement.id === 'complaint')?.by).toBe('clause');
  });
});

describe('readLaws', () => {
  it('reads each named law once, in order, and refuses an empty list', async () => {
    expect((await readLaws(' CCPA, gdpr,ccpa ')).map((c) => c.id)).toEqual(['ccpa', 'gdpr']);
    await expect(readLaws(' , ')).rejects.toThrow('Name at least one law, for example --laws gdpr,ccpa, or --laws list to see them.');
  });
});
