import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import type { Block } from '../../shared/model/document';
import { h, p, policy } from '../../shared/testing/builders';
import { ref } from '../../shared/testing/reference-documents';
import { cli } from './test-cli';

let tmp: string;
let savedHome: string | undefined;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-check-'));
  // The team clause folder is read from the app's settings: this test's own, empty.
  savedHome = process.env.POLICYWRIGHT_HOME;
  process.env.POLICYWRIGHT_HOME = path.join(tmp, 'home');
});
afterEach(async () => {
  if (savedHome === undefined) delete process.env.POLICYWRIGHT_HOME;
  else process.env.POLICYWRIGHT_HOME = savedHome;
  await fs.rm(tmp, { recursive: true, force: true });
});

async function write(name: string, blocks: Parameters<typeof policy>[0]): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, serializeDocument(policy(blocks, { title: 'Privacy Notice' })));
  return file;
}

describe('policywright check', () => {
  it('prints each finding with its section and exits 1 when one is an error', async () => {
    const file = await write('notice.policy.json', [h(1, 's-intro0001', 'Introduction'), p('See Section 4 for [insert details].')]);
    const { code, out } = await cli('check', file);
    expect(code).toBe(1);
    expect(out).toContain('# Privacy Notice (notice): 2 errors');
    expect(out).toMatch(/error +1 +broken-reference +“Section 4” in section 1 names no section of this document \(4\)\./);
    expect(out).toMatch(/error +1 +placeholder +“\[insert details\]” in section 1 is placeholder text\./);
  });

  it('exits 1 on a cross-reference whose section was deleted, and 0 once it points at one that is there', async () => {
    const broken = await write('broken.policy.json', [h(1, 's-intro0001', 'Introduction'), p('See ', ref('s-gone00001'), '.')]);
    const failed = await cli('check', broken);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/error +1 +missing-reference +A cross-reference in section 1 points at a section that is no longer in the document\./);
    const fixed = await write('fixed.policy.json', [h(1, 's-intro0001', 'Introduction'), p('See ', ref('s-intro0001'), '.')]);
    expect((await cli('check', fixed)).code).toBe(0);
  });

  it('exits 0 on warnings alone, and writes JSON with --json', async () => {
    const file = await write('notice.policy.json', [h(1, 's-intro0001', 'Introduction'), p('Text.'), h(1, 's-empty0001', 'Contact')]);
    const { code, out } = await cli('check', file, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.documents[0].findings).toEqual([
      { rule: 'empty-section', severity: 'warning', sectionId: 's-empty0001', sectionNumber: '2', message: 'Section 2 (“Contact”) has no text.', excerpt: 'Contact' },
    ]);
  });

  it('checks every document of a project folder', async () => {
    const { code: created } = await cli('new', path.join(tmp, 'project'), '--sample');
    expect(created).toBe(0);
    const { code, out } = await cli('check', path.join(tmp, 'project'));
    expect(code).toBe(0);
    expect(out.match(/^# /gm)).toHaveLength(3);
  });

  it('says in one line what is wrong with the input', async () => {
    const { code, err } = await cli('check', path.join(tmp, 'missing.md'));
    expect(code).toBe(2);
    expect(err).toBe(`policywright: ${path.join(tmp, 'missing.md')} does not exist.\n`);
  });

  describe('--laws', () => {
    const complaints: Block = { ...p('You may complain to the ICO.'), clause: { use: 'u-complain1', id: 'complaints', source: 'project', version: 1, state: 'linked' } };

    it('lists each requirement as covered by a section or missing, with the clause to insert, and exits 1 on a missing one', async () => {
      const file = await write('notice.policy.json', [h(1, 's-intro0001', 'Introduction'), p('Text.'), h(1, 's-rights001', 'Complaints'), complaints]);
      const { code, out } = await cli('check', file, '--laws', 'uk-gdpr');
      expect(code).toBe(1);
      expect(out).toContain('# Privacy Notice (notice): nothing found; 13 required disclosures missing');
      expect(out).toContain('  UK GDPR: information to be provided (Art. 13 and 14) (uk-gdpr, version 1): 1 of 14 required disclosures made');
      expect(out).toMatch(/ {4}covered {2}Art\. 13\(2\)\(d\); Art\. 14\(2\)\(e\) +The right to complain to the ICO: in section 2 “Complaints”\n/u);
      expect(out).toMatch(/ {4}MISSING {2}Art\. 13\(2\)\(a\); Art\. 14\(2\)\(a\) +How long the data are kept: not found; the starter clause “retention” covers it\n/u);
    });

    it('writes the coverage per document in the JSON, and exits 0 when every disclosure is made', async () => {
      const file = await write('notice.policy.json', [
        h(1, 's-rights001', 'Your rights'),
        p('How to exercise your rights: email us. If we refuse, you may appeal; the appeal goes to our DPO.'),
        h(1, 's-collect01', 'Information we collect'),
        p('We use your names and emails for the purposes below. We share data with third parties only as listed. We do not sell data. To make a request, use our form.'),
      ]);
      const { code, out } = await cli('check', file, '--laws=virginia', '--json');
      expect(code).toBe(0);
      const [document] = JSON.parse(out).documents;
      expect(document.coverage[0].law).toMatchObject({ id: 'virginia', version: 1 });
      expect(document.coverage[0].requirements.find((r: { id: string }) => r.id === 'appeal')).toEqual({
        id: 'appeal',
        citation: 'Va. Code §59.1-578(C)(3); Va. Code §59.1-577(C)',
        title: 'How to appeal a decision on a request',
        covered: { sectionId: 's-rights001', sectionNumber: '1', title: 'Your rights' },
        by: 'keywords',
        offer: null,
      });
    });

    it('lists the laws it knows, and names them when given one it does not', async () => {
      const { code, out } = await cli('check', '--laws', 'list');
      expect(code).toBe(0);
      expect(out.split('\n').filter(Boolean).map((line) => line.split(' ')[0])).toEqual(['ccpa', 'colorado', 'connecticut', 'gdpr', 'uk-gdpr', 'virginia']);
      expect(out).toMatch(/^gdpr +EU +version 1 {2}EU GDPR: information to be provided \(Art\. 13 and 14\) \(14 requirements\)$/mu);
      const file = await write('notice.policy.json', [h(1, 's-intro0001', 'Introduction'), p('Text.')]);
      const { code: unknown, err } = await cli('check', file, '--laws', 'gdpr,oregon');
      expect(unknown).toBe(2);
      expect(err).toBe('policywright: There is no checklist "oregon"; the checklists are: ccpa, colorado, connecticut, gdpr, uk-gdpr, virginia.\n');
    });
  });
  describe('in a project with dismissals saved by the app (checks.json)', () => {
    async function projectWithWarnings(): Promise<{ project: string; findings: Array<{ rule: string; sectionId: string | null; excerpt: string }> }> {
      const project = path.join(tmp, 'project');
      expect((await cli('new', project, '--sample')).code).toBe(0);
      const { out } = await cli('check', project, '--document', 'privacy-policy', '--json');
      return { project, findings: JSON.parse(out).documents[0].findings };
    }

    it('leaves the dismissed findings out, and says how many were', async () => {
      const { project, findings } = await projectWithWarnings();
      expect(findings.length).toBeGreaterThan(0);
      const [first] = findings as [(typeof findings)[number]];
      const dismissal = { document: 'privacy-policy', rule: first.rule, sectionId: first.sectionId, excerpt: first.excerpt, reason: 'Agreed with legal.', at: '2026-12-05T03:00:00.000Z' };
      await fs.writeFile(path.join(project, 'checks.json'), JSON.stringify({ format: 1, dismissed: [dismissal], laws: {}, acknowledged: [] }));

      const json = JSON.parse((await cli('check', project, '--document', 'privacy-policy', '--json')).out).documents[0];
      expect(json.findings).toEqual(findings.slice(1));
      expect(json.dismissed).toEqual([{ ...findings[0], reason: 'Agreed with legal.' }]);
      const { out } = await cli('check', project, '--document', 'privacy-policy');
      expect(out).toMatch(/^# Privacy Policy \(privacy-policy\): [^\n]*\(1 dismissed\)$/mu);
    });

    it('checks each document against the laws picked for it in the app, unless --laws names others', async () => {
      const { project } = await projectWithWarnings();
      await fs.writeFile(path.join(project, 'checks.json'), JSON.stringify({ format: 1, dismissed: [], laws: { 'privacy-policy': ['gdpr', 'ccpa'] }, acknowledged: [] }));
      const documents = JSON.parse((await cli('check', project, '--json')).out).documents as Array<{ id: string; coverage?: Array<{ law: { id: string } }> }>;
      const lawsOf = (id: string) => documents.find((d) => d.id === id)?.coverage?.map((c) => c.law.id);
      expect(lawsOf('privacy-policy')).toEqual(['gdpr', 'ccpa']);
      expect(lawsOf('cookie-policy')).toBeUndefined();
      const named = JSON.parse((await cli('check', project, '--document', 'privacy-policy', '--laws', 'virginia', '--json')).out).documents[0];
      expect(named.coverage.map((c: { law: { id: string } }) => c.law.id)).toEqual(['virginia']);
    });

    it('stops with one sentence naming the file when checks.json cannot be read', async () => {
      const { project } = await projectWithWarnings();
      await fs.writeFile(path.join(project, 'checks.json'), '{"format": 1');
      const { code, err } = await cli('check', project);
      expect(code).toBe(2);
      expect(err).toMatch(/^policywright: The project's checks\.json cannot be used: [^\n]+\.\n$/u);
    });
  });
});
