import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import { reviewedPolicy } from './test-review-fixture';
import { cli } from './test-cli';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-review-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function reviewedFile(): Promise<string> {
  const file = path.join(tmp, 'notice.policy.json');
  await fs.writeFile(file, serializeDocument(reviewedPolicy()));
  return file;
}

describe('policywright review', () => {
  it('lists each open suggestion and comment thread with its author and section', async () => {
    const { code, out, err } = await cli('review', await reviewedFile());
    expect([code, err]).toEqual([0, '']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('# Privacy Notice (notice): 3 open suggestions, 3 comment threads (1 resolved, 1 orphaned)');
    expect(lines[1]).toMatch(/^ {2}suggestion {2}section 1 +Ana \(2026-12-04 10:00\): delete, insert; inserts “never sell”; deletes “sell”$/);
    expect(lines[2]).toMatch(/^ {2}suggestion {2}section 2 +Ben \(2026-12-04 11:00\): insert; inserts “sometimes”$/);
    expect(lines[3]).toMatch(/section 2\.1 +Ben .*inserts “only”/);
    expect(lines[4]).toMatch(/comment {5}section 2 +Cleo \(2026-12-04 12:00\) on “Partners”: “Which partners\?”$/);
    expect(lines[5]).toMatch(/reply +Ana \(2026-12-04 12:30\): “Listed in 4\.”$/);
    expect(lines[6]).toMatch(/comment {5}section 2\.1 +Ben .*\[resolved\]: “Name them\.”$/);
    expect(lines[7]).toMatch(/comment {5}section — +Ana .*\[orphaned: its text was deleted\]: “Was about a deleted line\.”$/);
    expect(lines).toHaveLength(8);
  });

  it('writes the same as JSON with --json, the texts in full', async () => {
    const { code, out } = await cli('review', await reviewedFile(), '--json');
    expect(code).toBe(0);
    const [doc] = JSON.parse(out).documents;
    expect(doc.id).toBe('notice');
    expect(doc.suggestions[0]).toEqual({
      id: 'c-ana0001',
      by: 'Ana',
      at: '2026-12-04T10:00:00Z',
      kinds: ['delete', 'insert'],
      sectionId: 's-intro0001',
      sectionNumber: '1',
      inserted: 'never sell',
      deleted: 'sell',
    });
    expect(doc.comments.map((c: { id: string; sectionNumber: string | null; quote: string; resolved: boolean; orphaned: boolean }) => [c.id, c.sectionNumber, c.quote, c.resolved, c.orphaned])).toEqual([
      ['k-quote001', '2', 'Partners', false, false],
      ['k-sectn001', '2.1', '', true, false],
      ['k-gone0001', null, '', false, true],
    ]);
    expect(doc.comments[0].replies).toEqual([{ by: 'Ana', at: '2026-12-04T12:30:00Z', text: 'Listed in 4.' }]);
  });

  it('lists every document of a project folder, and one with --document', async () => {
    const project = path.join(tmp, 'project');
    expect((await cli('new', project, '--sample')).code).toBe(0);
    const all = await cli('review', project);
    expect(all.out.match(/^# .*: 0 open suggestions, 0 comment threads$/gm)).toHaveLength(3);
    const one = await cli('review', project, '--document', 'privacy-policy');
    expect(one.out).toBe('# Privacy Policy (privacy-policy): 0 open suggestions, 0 comment threads\n');
  });

  it('says in one line what is wrong with the input', async () => {
    const { code, out, err } = await cli('review', path.join(tmp, 'missing.policy.json'));
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(/^policywright: .*missing\.policy\.json does not exist\.\n$/);
    expect((await cli('review')).err).toMatch(/^policywright: review needs <input> \(run/);
  });
});
