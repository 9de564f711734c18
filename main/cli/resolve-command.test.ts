import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFile } from '../../shared/format/parse';
import { serializeDocument } from '../../shared/format/serialize';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { runsToPlainText } from '../../shared/model/text';
import { listSuggestions } from '../../shared/review/list';
import { Project } from '../store/project';
import { reviewedPolicy } from './test-review-fixture';
import { cli } from './test-cli';

const READ_ONLY = 'This project is on a read-only disk or folder, so nothing in it can be saved.';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-resolve-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function reviewedFile(): Promise<string> {
  const file = path.join(tmp, 'notice.policy.json');
  await fs.writeFile(file, serializeDocument(reviewedPolicy()));
  return file;
}

/** A project whose only document is the reviewed policy. */
async function reviewedProject(): Promise<{ dir: string; file: string }> {
  const dir = path.join(tmp, 'project');
  expect((await cli('new', dir)).code).toBe(0);
  const [name] = await fs.readdir(path.join(dir, 'documents'));
  const file = path.join(dir, 'documents', name ?? '');
  await fs.writeFile(file, serializeDocument(reviewedPolicy()));
  return { dir, file };
}

async function read(file: string): Promise<PolicyDocument> {
  return parseFile(PolicyDocumentSchema, await fs.readFile(file, 'utf8'), file);
}

const paragraphs = (doc: PolicyDocument) => doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => runsToPlainText(b.runs));

describe('policywright accept and reject', () => {
  it('accepts every open suggestion of a document file and saves it in the stored format', async () => {
    const file = await reviewedFile();
    const { code, out, err } = await cli('accept', file);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe('Accepted 3 suggestions in Privacy Notice (notice) and saved it; 0 open suggestions left.\n');
    const saved = await fs.readFile(file, 'utf8');
    const doc = await read(file);
    expect(saved).toBe(serializeDocument(doc));
    expect(paragraphs(doc)).toEqual(['We never sell your data.', 'Partners see it sometimes.', 'Processors act only on instructions.']);
    // Comments are not suggestions: every thread stays.
    expect(doc.comments?.map((c) => c.id)).toEqual(['k-quote001', 'k-sectn001', 'k-gone0001']);
  });

  it('rejects only one author’s suggestions with --author', async () => {
    const file = await reviewedFile();
    const { code, out } = await cli('reject', file, '--author', 'ben');
    expect(code).toBe(0);
    expect(out).toBe('Rejected 2 suggestions by ben in Privacy Notice (notice) and saved it; 1 open suggestion left.\n');
    const doc = await read(file);
    expect(paragraphs(doc)).toEqual(['We sellnever sell your data.', 'Partners see it.', 'Processors act on instructions.']);
    expect(listSuggestions(doc).map((s) => s.by)).toEqual(['Ana']);
  });

  it('takes --section as the section and its subsections, in a project draft', async () => {
    const { dir, file } = await reviewedProject();
    const { code, out } = await cli('accept', dir, '--section', '2');
    expect(code).toBe(0);
    expect(out).toMatch(/^Accepted 2 suggestions in section 2 in Privacy Notice \(.+\) and saved it; 1 open suggestion left\.\n$/);
    expect(listSuggestions(await read(file)).map((s) => s.id)).toEqual(['c-ana0001']);
    const sub = await cli('reject', dir, '--section', '2.1');
    expect(sub.out).toMatch(/^No open suggestion in section 2\.1 in Privacy Notice .*nothing was changed \(1 open suggestion left\)\.\n$/);
  });

  it('leaves the file untouched when nothing matches', async () => {
    const file = await reviewedFile();
    const before = await fs.stat(file);
    const { code, out } = await cli('accept', file, '--author', 'Nobody');
    expect(code).toBe(0);
    expect(out).toMatch(/^No open suggestion by Nobody in Privacy Notice \(notice\); nothing was changed \(3 open suggestions left\)\.\n$/);
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('refuses, in one line, a section that does not exist, a version, another format, and a read-only project', async () => {
    const file = await reviewedFile();
    const noSection = await cli('accept', file, '--section', '7');
    expect([noSection.code, noSection.out]).toEqual([2, '']);
    expect(noSection.err).toBe('policywright: Privacy Notice has no section 7 (sections are numbered as if every suggestion were accepted).\n');

    const { dir, file: draft } = await reviewedProject();
    const version = await cli('accept', `${dir}@v1`);
    expect(version.err).toMatch(/^policywright: .*@v1 is a saved version, which never changes: accept or reject in the project's draft instead\.\n$/);

    const markdown = path.join(tmp, 'notice.md');
    await fs.writeFile(markdown, '# Notice\n');
    expect((await cli('reject', markdown)).err).toMatch(/^policywright: .*notice\.md is not a Policywright document \(\.policy\.json\), so its suggestions cannot be settled here\.\n$/);

    // A read-only disk cannot be made in a test (and root writes through permission bits): the project says it is one.
    const open = Project.open.bind(Project);
    const spy = vi.spyOn(Project, 'open').mockImplementation(async (at) => Object.assign(await open(at), { readOnly: READ_ONLY }));
    const before = await fs.readFile(draft, 'utf8');
    const readOnly = await cli('accept', dir);
    spy.mockRestore();
    expect([readOnly.code, readOnly.err]).toEqual([2, `policywright: ${READ_ONLY}\n`]);
    expect(await fs.readFile(draft, 'utf8')).toBe(before);
  });

  it('needs an input and takes only its own options', async () => {
    expect((await cli('accept')).err).toMatch(/^policywright: accept needs <input> \(run/);
    expect((await cli('reject', 'x', '--json')).err).toMatch(/^policywright: unknown option --json \(run/);
  });
});
