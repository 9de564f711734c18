import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block } from '../../shared/model/document';
import { runsToPlainText } from '../../shared/model/text';
import { acceptAll, rejectAll } from '../../shared/review/resolve';
import { h, p, policy } from '../../shared/testing/builders';
import { revision, reviewDocx, wdelr, wp, wr } from '../../shared/testing/review-docx';
import { createProject } from './projects';
import { importAsSuggestions } from './import-suggestions';
import { allRuns } from '../../shared/model/block-runs';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-suggestions-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const texts = (blocks: readonly Block[]) => blocks.map((b) => runsToPlainText(allRuns(b)));

describe('importing a returned DOCX into a document as suggestions', () => {
  it('puts the untracked edits down to the last author and keeps the tracked ones and the comments as Word wrote them', async () => {
    const project = await createProject(path.join(tmp, 'p'), 'P', false);
    const current = policy([h(1, 's-scope00001', 'Scope'), p('We keep all personal data.'), h(1, 's-retain0001', 'Retention'), p('We delete data after ten years.')], {
      title: 'Privacy Policy',
    });
    const { id } = await project.addDocument(current);
    // The reviewer changed "all" to "some" with track changes on, and rewrote the retention period without
    const body =
      wp(wr('Privacy Policy'), 'Title') +
      wp(wr('Scope'), 'Heading1') +
      wp(wr('We keep ') + revision('del', 1, 'Ana Lima', '2026-02-03T04:05:06Z', wdelr('all')) + revision('ins', 2, 'Ana Lima', '2026-02-03T04:05:06Z', wr('some')) + wr(' ') +
        '<w:commentRangeStart w:id="0"/>' + wr('personal data') + '<w:commentRangeEnd w:id="0"/>' + wr('.')) +
      wp(wr('Retention'), 'Heading1') +
      wp(wr('We delete data after six years.'));
    const comments = '<w:comment w:id="0" w:author="Carl Counsel" w:initials="CC" w:date="2026-03-04T10:20:30Z"><w:p><w:r><w:t>Which data?</w:t></w:r></w:p></w:comment>';
    const bytes = reviewDocx(body, { comments, lastModifiedBy: 'Rita Reviewer' });

    const result = await importAsSuggestions(project, id, 'returned.docx', bytes, new Date('2026-04-05T06:07:08.900Z'));
    expect(PolicyDocumentSchema.safeParse(result.document).success).toBe(true);
    // Word's deletion and insertion (two revisions in Word), and the reviewer's untracked replacement
    expect(result).toMatchObject({ reviewer: 'Rita Reviewer', suggestions: 3, comments: 1 });
    const doc = result.document;
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? b.id : b.kind))).toEqual(['s-scope00001', 'paragraph', 's-retain0001', 'paragraph']);
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'We keep some personal data.', 'Retention', 'We delete data after six years.']);
    expect(texts(rejectAll(doc).blocks)).toEqual(texts(current.blocks));
    const runs = doc.blocks.flatMap((b) => allRuns(b));
    expect(runs.find((r) => r.text === 'all')?.del).toMatchObject({ by: 'Ana Lima', at: '2026-02-03T04:05:06Z' });
    expect(runs.find((r) => r.text === 'ten')?.del).toEqual({ id: expect.any(String), by: 'Rita Reviewer', at: '2026-04-05T06:07:08Z' });
    expect(runs.find((r) => r.text === 'six')?.ins).toMatchObject({ by: 'Rita Reviewer' });
    expect(doc.comments).toEqual([{ id: expect.any(String), by: 'Carl Counsel', initials: 'CC', at: '2026-03-04T10:20:30Z', text: 'Which data?' }]);
    expect(runs.find((r) => r.text === 'personal data')?.comments).toEqual([doc.comments?.[0]?.id]);
    // nothing is written: the editor takes the result
    expect(await project.loadDocument(id)).toEqual(current);
  });
});
