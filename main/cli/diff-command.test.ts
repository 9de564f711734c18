import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../shared/compare/report';
import { serializeDocument } from '../../shared/format/serialize';
import { editDraft, useDiffProject } from './test-diff-fixture';
import { reviewedPolicy } from './test-review-fixture';
import { cli } from './test-cli';

const diffProject = useDiffProject();

describe('policywright diff', () => {
  it('finds no change between a version and an unedited draft, or a file and itself', async () => {
    const json = await cli('diff', `${diffProject.project}@Published 2026-01`, diffProject.project, '--to', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as JsonReport;
    expect(report.summary).toEqual({ unchanged: 3, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0, wordsInserted: 0, wordsDeleted: 0, wordsMoved: 0, linksChanged: 0 });
    const markdown = path.join(diffProject.tmp, 'emailed.md');
    await fs.writeFile(markdown, '# Terms\n\n## Scope\n\nThese terms apply.\n');
    const same = await cli('diff', markdown, markdown, '--to', 'json');
    expect((JSON.parse(same.out) as JsonReport).summary).toMatchObject({ changed: 0, added: 0, deleted: 0, moved: 0 });
  });

  it('reports sections with their status, old and new numbers and word changes as JSON', async () => {
    await editDraft(diffProject.project);
    const { out, code } = await cli('diff', `${diffProject.project}@Published 2026-01`, diffProject.project, '--to', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as JsonReport;
    // Contact and Retention swapped places: the shorter section (Contact) is the one said to move.
    expect(report.summary).toMatchObject({ unchanged: 0, changed: 2, added: 0, deleted: 0, moved: 1, split: 0, merged: 0, wordsInserted: 6, wordsDeleted: 1, linksChanged: 0 });
    expect(report.sections.map((s) => [s.title, s.status, s.oldNumber, s.newNumber, s.renumbered])).toEqual([
      ['Introduction', 'changed', '1', '1', false],
      ['Contact', 'moved', '3', '2', true],
      ['Retention', 'changed', '2', '3', true],
    ]);
    expect(report.sections[0]?.changes).toEqual([{ op: 'insert', text: ' We are based in Bristol.' }]);
    expect(report.sections[2]?.changes).toEqual([
      { op: 'delete', text: 'six' },
      { op: 'insert', text: 'seven' },
    ]);
  });

  it('prints a summary and one line per change as text', async () => {
    await editDraft(diffProject.project);
    const { out } = await cli('diff', `${diffProject.project}@Published 2026-01`, diffProject.project);
    expect(out).toContain('Version “Published 2026-01” → Current draft');
    expect(out).toMatch(/2 changed, 0 added, 0 deleted, 1 moved, 0 unchanged; 6 words inserted, 1 deleted/);
    expect(out).toMatch(/moved\s+3 → 2 Contact\n/);
    expect(out).toMatch(/changed\s+1 Introduction \(\+5 −0 words\)/);
  });

  it('writes a Word redline whose changes accepted give the draft and rejected give the version', async () => {
    await editDraft(diffProject.project);
    const out = path.join(diffProject.tmp, 'redline.docx');
    const result = await cli('diff', `${diffProject.project}@Published 2026-01`, diffProject.project, '--to', 'docx', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Wrote .*redline\.docx/);
    // What the changes say when Word's reader applies them is checked by pandoc in diff-command.oracle.test.ts.
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  it('refuses what it cannot read in one line, with exit code 2', async () => {
    const missing = await cli('diff', `${diffProject.project}@No such version`, diffProject.project);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^policywright: There is no version "No such version".*\n$/);
    const oneArg = await cli('diff', diffProject.project);
    expect(oneArg.code).toBe(2);
    const noOut = await cli('diff', diffProject.project, diffProject.project, '--to', 'docx');
    expect(noOut.err).toMatch(/--to docx needs --out/);
    const badFormat = await cli('diff', diffProject.project, diffProject.project, '--to', 'pdf');
    expect(badFormat.err).toMatch(/--to must be one of text, json, html, docx/);
  });

  it('export takes a version too: project@version', async () => {
    await editDraft(diffProject.project);
    const out = path.join(diffProject.tmp, 'published.md');
    const result = await cli('export', `${diffProject.project}@Published 2026-01`, '--to', 'md', '--out', out);
    expect(result.code).toBe(0);
    const markdown = await fs.readFile(out, 'utf8');
    expect(markdown).toContain('We keep account data for six years');
    expect(markdown).not.toContain('Bristol');
  });

  it('compares a draft with open suggestions as if they were accepted, and shows them with --before-suggestions', async () => {
    const file = path.join(diffProject.tmp, 'notice.policy.json');
    await fs.writeFile(file, serializeDocument(reviewedPolicy()));
    const same = JSON.parse((await cli('diff', file, file, '--to', 'json')).out) as JsonReport;
    expect(same.summary).toMatchObject({ changed: 0, wordsInserted: 0, wordsDeleted: 0 });
    const own = await cli('diff', file, file, '--to', 'json', '--before-suggestions', 'old');
    expect(own.code).toBe(0);
    const report = JSON.parse(own.out) as JsonReport;
    // "sell" suggested to become "never sell", " sometimes" and "only " inserted: three words, each in its section.
    expect(report.summary).toMatchObject({ changed: 3, wordsInserted: 3, wordsDeleted: 0 });
    expect(report.sections[0]?.changes).toEqual([
      { op: 'insert', text: 'never ' },
    ]);
    const bad = await cli('diff', file, file, '--before-suggestions', 'mine');
    expect(bad.err).toBe('policywright: --before-suggestions must be one of old, new, both (run "policywright --help" for usage)\n');
  });
});
