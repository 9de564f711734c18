import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main';
import { saveClause } from '../store/clause-library';
import { textToRuns } from '../../shared/model/variables';

let tmp: string;
let savedHome: string | undefined;

beforeAll(async () => {
  savedHome = process.env.POLICYWRIGHT_HOME;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-clauses-'));
  process.env.POLICYWRIGHT_HOME = path.join(tmp, 'home');
});

afterAll(async () => {
  if (savedHome === undefined) delete process.env.POLICYWRIGHT_HOME;
  else process.env.POLICYWRIGHT_HOME = savedHome;
  await fs.rm(tmp, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('policywright clauses, outline and export with a clause library', () => {
  const dir = () => path.join(tmp, 'sample');

  it('lists the clauses with id, title, version, status, tags and source, and a broken file with its reason', async () => {
    expect((await cli('new', dir(), '--sample')).code).toBe(0);
    await fs.writeFile(path.join(dir(), 'clauses', 'broken.clause.json'), '{}');
    const { code, out } = await cli('clauses', dir(), '--json');
    expect(code).toBe(0);
    const value = JSON.parse(out) as { clauses: Array<Record<string, unknown>>; broken: Array<{ file: string; problem: string }> };
    expect(value.clauses.find((c) => c.id === 'contact-details')).toEqual({
      id: 'contact-details',
      title: 'Contact us',
      version: 1,
      status: 'approved',
      tags: { topic: ['contact'], jurisdiction: ['Global'] },
      source: 'project',
    });
    expect(value.broken).toEqual([{ source: 'project', file: 'broken.clause.json', problem: expect.stringContaining('format') }]);
    const text = await cli('clauses', dir());
    expect(text.out).toContain('contact-details  v1  approved  project  Contact us  [contact, Global]');
    expect(text.out).toContain('BROKEN project broken.clause.json:');
    await fs.rm(path.join(dir(), 'clauses', 'broken.clause.json'));
  });

  it('outline marks the sections whose clause has a newer version', async () => {
    await saveClause(path.join(dir(), 'clauses'), {
      id: 'complaints',
      title: 'Complaints',
      status: 'approved',
      tags: { topic: ['rights'], jurisdiction: ['EU', 'UK'] },
      blocks: [{ kind: 'paragraph', runs: textToRuns('Complain to {{supervisory_authority}}.') }],
    }, false, '2026-11-21');
    const { out } = await cli('outline', dir(), '--document', 'privacy-policy');
    expect(out).toContain('9.4 Complaints  [outdated: clause complaints v1, v2 available]');
    expect(out).toContain('13. Contact Us\n');
    const json = JSON.parse((await cli('outline', dir(), '--document', 'privacy-policy', '--json')).out) as Array<Record<string, unknown>>;
    expect(json.find((e) => e.title === 'Complaints')?.outdatedClause).toEqual({ id: 'complaints', source: 'project', version: 1, latest: 2 });
  });

  it('export writes the values, and warns on stderr about unfilled variables written as [name]', async () => {
    const out = path.join(tmp, 'p.md');
    const filled = await cli('export', dir(), '--document', 'privacy-policy', '--to', 'md', '--out', out);
    expect(filled.err).toBe('');
    expect(await fs.readFile(out, 'utf8')).toContain('privacy@northwind-analytics.example');
    const vars = path.join(dir(), 'variables.json');
    await fs.writeFile(vars, (await fs.readFile(vars, 'utf8')).replace('"privacy@northwind-analytics.example"', '""'));
    const unfilled = await cli('export', dir(), '--document', 'privacy-policy', '--to', 'md', '--out', out);
    expect(unfilled.code).toBe(0);
    expect(unfilled.err).toBe('warning: contact_email (no value) in 10 Children’s Privacy; 13 Contact Us; written as [contact_email]\n');
    expect(await fs.readFile(out, 'utf8')).toContain('\\[contact\\_email\\]');
  });
});
