import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION, editDraft, useDiffProject } from './test-diff-fixture';
import { cli } from './test-cli';

/** pandoc is the reader that applies tracked changes here; `npm test` installs it, a bare checkout may lack it. */
const HAS_PANDOC = spawnSync('pandoc', ['--version']).status === 0;

const diffProject = useDiffProject();

describe.skipIf(!HAS_PANDOC)('policywright diff --to docx, read by pandoc (needs pandoc)', () => {
  it('writes a Word redline whose changes accepted give the draft and rejected give the version', async () => {
    await editDraft(diffProject.project);
    const out = path.join(diffProject.tmp, 'redline.docx');
    expect((await cli('diff', `${diffProject.project}@${VERSION}`, diffProject.project, '--to', 'docx', '--out', out)).code).toBe(0);
    const read = (mode: string) => spawnSync('pandoc', [`--track-changes=${mode}`, '-t', 'plain', '--wrap=none', out], { encoding: 'utf8' }).stdout;
    expect(read('accept')).toContain('We keep account data for seven years after the account closes.');
    expect(read('accept')).toContain('We are based in Bristol.');
    expect(read('reject')).toContain('We keep account data for six years after the account closes.');
    expect(read('reject')).not.toContain('Bristol');
  });
});
