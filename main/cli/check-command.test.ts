import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { h, p, policy } from '../../shared/testing/builders';
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
});
