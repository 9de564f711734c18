import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { starterLibraryDir } from './starter';
import { checklistIds, readAllChecklists, readChecklist } from './checklists';

let tmp: string | null = null;
afterEach(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  tmp = null;
});

describe('the shipped checklists', () => {
  it('are every law the issue asks for, each valid against the schema', async () => {
    expect(await checklistIds()).toEqual(['ccpa', 'colorado', 'connecticut', 'gdpr', 'uk-gdpr', 'virginia']);
    const checklists = await readAllChecklists();
    for (const checklist of checklists) expect(checklist.requirements.length, checklist.id).toBeGreaterThan(5);
  });

  it('offer and recognise only clauses the starter library has', async () => {
    const starter = new Set((await fs.readdir(starterLibraryDir())).map((name) => name.replace(/\.clause\.json$/u, '')));
    for (const checklist of await readAllChecklists()) {
      for (const requirement of checklist.requirements) {
        for (const id of [requirement.clause, ...requirement.recognise.clauses]) if (id) expect(starter.has(id), `${checklist.id}/${requirement.id}: ${id}`).toBe(true);
      }
    }
  });

  it('cite every disclosure the issue names', async () => {
    const citations = async (id: string) => (await readChecklist(id)).requirements.map((r) => r.citation).join(' | ');
    expect(await citations('gdpr')).toMatch(/Art\. 14\(1\)\(d\).*Art\. 14\(2\)\(f\)/u);
    expect(await citations('uk-gdpr')).toContain('Art. 13(2)(d)');
    const ccpa = await citations('ccpa');
    for (const section of ['§1798.100(a)(3)', '§1798.105(b)', '§1798.106(b)', '§1798.120(b)', '§1798.121(b)', '§1798.125(a)', '§1798.130(a)(5)']) expect(ccpa).toContain(section);
    expect(await citations('virginia')).toContain('§59.1-577(C)');
    expect(await citations('colorado')).toContain('§6-1-1306(3)');
    expect(await citations('connecticut')).toContain('§42-518(d)');
  });
});

describe('reading a checklist', () => {
  it('names the checklists there are when asked for one that is not', async () => {
    await expect(readChecklist('oregon')).rejects.toThrow(/^There is no checklist "oregon"; the checklists are: ccpa, colorado, connecticut, gdpr, uk-gdpr, virginia\.$/u);
  });

  it('says in one sentence what is wrong with a bad file', async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-checklists-'));
    const good = JSON.parse(await fs.readFile(path.join(path.dirname(starterLibraryDir()), 'checklists', 'gdpr.json'), 'utf8'));
    await fs.writeFile(path.join(tmp, 'gdpr.json'), JSON.stringify({ ...good, version: 0 }));
    await fs.writeFile(path.join(tmp, 'other.json'), JSON.stringify(good));
    await expect(readChecklist('gdpr', tmp)).rejects.toThrow(`The checklist ${path.join(tmp, 'gdpr.json')} cannot be used: version `);
    await expect(readChecklist('other', tmp)).rejects.toThrow('id is "gdpr" but the file is named for "other".');
  });
});
