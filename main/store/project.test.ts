import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentIdSchema, PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { FormatError } from '../../shared/format/problems';
import { serializeDocument } from '../../shared/format/serialize';
import { parseFile } from '../../shared/format/parse';
import { errorOf } from '../../shared/testing/error-of';
import { publishedPolicy, section } from '../../shared/testing/builders';
import { UserError } from './errors';
import { Project, blankDocument } from './project';
import { bundledSampleDir, loadSampleDocuments } from './sample';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-project-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A published policy of sections, each a heading and one paragraph "About <heading>.". */
function policy(title: string, headings: Array<[string, number, string]>): PolicyDocument {
  return publishedPolicy(headings.flatMap(([id, level, text]) => section(level, id, text, `About ${text}.`)), { title });
}

const PRIVACY = policy('Privacy Policy', [
  ['s-priv000001', 1, 'Who We Are'],
  ['s-priv000002', 2, 'Contact'],
]);
const COOKIES = policy('Cookie Policy', [['s-cook000001', 1, 'About Cookies']]);

async function snapshot(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), { bytes: await fs.readFile(file), mtimeMs: (await fs.stat(file)).mtimeMs });
  }
  return out;
}

describe('Project.create, open, load and save', () => {
  it('round-trips documents through a real folder', async () => {
    const dir = path.join(tmp, 'policies');
    const created = await Project.create(dir, 'Acme Policies', [
      { id: 'privacy-policy', doc: PRIVACY },
      { id: 'cookie-policy', doc: COOKIES },
    ]);
    expect(created.dir).toBe(dir);
    expect(created.name).toBe('Acme Policies');
    expect(created.documentIds).toEqual(['privacy-policy', 'cookie-policy']);

    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as unknown;
    expect(manifest).toEqual({ format: 1, name: 'Acme Policies', documents: ['privacy-policy', 'cookie-policy'] });
    expect(await fs.readFile(path.join(dir, 'documents', 'privacy-policy.policy.json'), 'utf8')).toBe(serializeDocument(PRIVACY));

    const opened = await Project.open(dir);
    expect(opened.name).toBe('Acme Policies');
    expect(await opened.loadDocument('privacy-policy')).toEqual(PRIVACY);
    expect(await opened.loadDocument('cookie-policy')).toEqual(COOKIES);
    expect(await opened.info()).toEqual({
      name: 'Acme Policies',
      path: dir,
      documents: [
        { id: 'privacy-policy', title: 'Privacy Policy' },
        { id: 'cookie-policy', title: 'Cookie Policy' },
      ],
    });
  });

  it('saves byte for byte what serializeDocument writes, and reopening gives the same document', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const edited: PolicyDocument = {
      ...PRIVACY,
      title: 'Privacy Notice',
      numbering: 'article-section',
      blocks: [...PRIVACY.blocks, { kind: 'list-item', list: 'number', indent: 1, runs: [{ text: 'New ', marks: ['bold'] }, { text: 'item' }] }],
    };
    await project.saveDocument('privacy-policy', edited, (await project.readDocument('privacy-policy')).stamp);
    const file = path.join(dir, 'documents', 'privacy-policy.policy.json');
    expect(await fs.readFile(file, 'utf8')).toBe(serializeDocument(edited));
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(['privacy-policy.policy.json']);

    const reopened = await Project.open(dir);
    expect(await reopened.loadDocument('privacy-policy')).toEqual(edited);
    expect((await reopened.info()).documents).toEqual([{ id: 'privacy-policy', title: 'Privacy Notice' }]);
  });

  it('reads a file written a moment ago by its bytes: the same bytes give the document parsed before, others are parsed anew', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    // Just written: its stat cannot vouch for its bytes, which are read and hashed again, but not parsed again.
    const first = await project.readDocument('privacy-policy');
    const again = await project.readDocument('privacy-policy');
    expect(again.document).toBe(first.document);
    expect(again.stamp).toBe(first.stamp);
    const file = path.join(dir, 'documents', 'privacy-policy.policy.json');
    const other = { ...PRIVACY, title: 'Privacy Policx' };
    await fs.writeFile(file, serializeDocument(other));
    const changed = await project.readDocument('privacy-policy');
    expect(changed.document).toEqual(other);
    expect(changed.stamp).not.toBe(first.stamp);
  });

  it('opens a folder given with a relative path and reports the absolute one', async () => {
    const dir = path.join(tmp, 'rel');
    await Project.create(dir, 'Rel', [{ id: 'a', doc: PRIVACY }]);
    const relative = path.relative(process.cwd(), dir);
    const project = await Project.open(relative);
    expect(project.dir).toBe(dir);
    expect((await project.info()).path).toBe(dir);
  });

  it('creates a project in an existing empty folder', async () => {
    const project = await Project.create(tmp, 'Here', []);
    expect(project.documentIds).toEqual([]);
    expect((await fs.readdir(tmp)).sort()).toEqual(['documents', 'policywright.json']);
  });

  it('refuses a folder that is not empty, and writes nothing into it', async () => {
    await fs.writeFile(path.join(tmp, 'notes.txt'), 'mine');
    const error = await errorOf(Project.create(tmp, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(tmp);
    expect(error.message).toContain('not empty');
    expect(await fs.readdir(tmp)).toEqual(['notes.txt']);
  });

  it('refuses a folder that holds only a hidden file', async () => {
    await fs.writeFile(path.join(tmp, '.git'), '');
    await expect(Project.create(tmp, 'P', [])).rejects.toBeInstanceOf(UserError);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(tmp, 'file.txt');
    await fs.writeFile(file, 'x');
    const error = await errorOf(Project.create(file, 'P', []));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(file);
  });
});

describe('Project.info and another writer', () => {
  /** A project of the two policies, privacy-policy then cookie-policy. */
  async function privacyAndCookies(): Promise<string> {
    const dir = path.join(tmp, 'policies');
    await Project.create(dir, 'Acme Policies', [
      { id: 'privacy-policy', doc: PRIVACY },
      { id: 'cookie-policy', doc: COOKIES },
    ]);
    return dir;
  }

  /** Another writer's manifest, listing `documents` (the files stay where they are). */
  async function listOnDisk(dir: string, documents: string[]): Promise<void> {
    const manifestFile = path.join(dir, 'policywright.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { documents: string[] };
    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, documents }));
  }

  it('lists what another writer added, moved or deleted since the project was opened, and loads the added document', async () => {
    const dir = path.join(tmp, 'policies');
    await Project.create(dir, 'Acme Policies', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const window = await Project.open(dir);
    const commandLine = await Project.open(dir);
    const added = await commandLine.addDocument(COOKIES);
    expect((await window.info()).documents.map((d) => d.id)).toEqual(['privacy-policy', added.id]);
    expect(await window.loadDocument(added.id)).toEqual(COOKIES);
    await commandLine.moveDocument(added.id, 0);
    expect((await window.info()).documents.map((d) => d.id)).toEqual([added.id, 'privacy-policy']);
    await commandLine.deleteDocument('privacy-policy');
    expect((await window.info()).documents.map((d) => d.id)).toEqual([added.id]);
  });

  it('a document another writer deleted while it was open here is missing, not unknown: saved again, it is back on the list', async () => {
    const dir = await privacyAndCookies();
    const window = await Project.open(dir);
    const { stamp } = await window.readDocument('cookie-policy');
    await (await Project.open(dir)).deleteDocument('cookie-policy');
    expect((await window.info()).documents.map((d) => d.id)).toEqual(['privacy-policy']);
    expect(await window.checkDocument('cookie-policy', stamp)).toEqual({ state: 'missing', stamp: null });
    await window.saveDocument('cookie-policy', COOKIES, null);
    expect((await window.info()).documents.map((d) => d.id)).toEqual(['privacy-policy', 'cookie-policy']);
    expect(await (await Project.open(dir)).loadDocument('cookie-policy')).toEqual(COOKIES);
  });

  it('saved again before any listing noticed its removal, it is back on the list too', async () => {
    const dir = await privacyAndCookies();
    const window = await Project.open(dir);
    await (await Project.open(dir)).deleteDocument('cookie-policy');
    await window.saveDocument('cookie-policy', COOKIES, null);
    expect((await Project.open(dir)).documentIds).toEqual(['privacy-policy', 'cookie-policy']);
  });

  it('an ordinary save never undoes another writer taking a document off the list', async () => {
    const dir = await privacyAndCookies();
    const window = await Project.open(dir);
    const { stamp } = await window.readDocument('cookie-policy');
    await listOnDisk(dir, ['privacy-policy']);
    await window.info();
    await window.saveDocument('cookie-policy', { ...COOKIES, title: 'Cookie Notice' }, stamp);
    expect((await Project.open(dir)).documentIds).toEqual(['privacy-policy']);
  });

  it('a document another writer took off the list and this project then deleted stays deleted', async () => {
    const dir = await privacyAndCookies();
    const window = await Project.open(dir);
    await listOnDisk(dir, ['privacy-policy']);
    await window.deleteDocument('cookie-policy');
    await expect(window.saveDocument('cookie-policy', COOKIES, null)).rejects.toThrow(/There is no document "cookie-policy"/);
  });

  it('a document this project deleted itself is unknown to it afterwards', async () => {
    const dir = await privacyAndCookies();
    const window = await Project.open(dir);
    await window.deleteDocument('cookie-policy');
    await expect(window.saveDocument('cookie-policy', COOKIES, null)).rejects.toThrow(/There is no document "cookie-policy"/);
  });

  it('a listing that read the manifest before an addition never puts back the list from before it', async () => {
    const dir = path.join(tmp, 'policies');
    await Project.create(dir, 'Acme Policies', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const window = await Project.open(dir);
    // The listing's read of the manifest (the first read) is held until the addition has had every chance to finish.
    const folder = (window as unknown as { folder: { readText: (...args: unknown[]) => Promise<unknown> } }).folder;
    const read = folder.readText.bind(folder);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    folder.readText = async (...args) => {
      const text = await read(...args);
      if (reads++ === 0) await held;
      return text;
    };
    const listing = window.info();
    const adding = window.addDocument(COOKIES);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const [, added] = await Promise.all([listing, adding]);
    expect(window.documentIds).toContain(added.id);
    expect((await window.info()).documents.map((d) => d.id)).toEqual(['privacy-policy', added.id]);
  });

  it('keeps the list it last read while the manifest on disk is damaged; opening the project again names the file', async () => {
    const dir = path.join(tmp, 'policies');
    await Project.create(dir, 'Acme Policies', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const window = await Project.open(dir);
    await fs.writeFile(path.join(dir, 'policywright.json'), '{ "format": 1, "name": "Acme Poli');
    expect((await window.info()).documents.map((d) => d.id)).toEqual(['privacy-policy']);
    await expect(Project.open(dir)).rejects.toThrow(/policywright\.json/);
  });
});

describe('Project.open on what is not a project', () => {
  it('says a folder without policywright.json is not a Policywright project', async () => {
    const error = await errorOf(Project.open(tmp));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(`${tmp} is not a Policywright project: it has no policywright.json.`);
  });

  it('says the same for a folder that does not exist', async () => {
    const missing = path.join(tmp, 'nope');
    const error = await errorOf(Project.open(missing));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('is not a Policywright project');
  });

  it('names policywright.json when the manifest is broken', async () => {
    await fs.writeFile(path.join(tmp, 'policywright.json'), '{\n  "format": 1,\n  "name": "P",\n  "documents": ["../../etc/passwd"]\n}\n');
    const error = await errorOf(Project.open(tmp));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(/^policywright\.json: documents\[0\] /);

    await fs.writeFile(path.join(tmp, 'policywright.json'), '{ "format": 1, ');
    const syntax = await errorOf(Project.open(tmp));
    expect(syntax).toBeInstanceOf(FormatError);
    expect(syntax.message).toMatch(/^policywright\.json: line 1, column \d+: is not valid JSON/);
  });
});

describe('a document that fails validation', () => {
  const FILE = 'documents/privacy-policy.policy.json';

  async function projectWithBrokenDocument(): Promise<string> {
    const dir = path.join(tmp, 'broken');
    await Project.create(dir, 'Broken', [
      { id: 'privacy-policy', doc: PRIVACY },
      { id: 'cookie-policy', doc: COOKIES },
    ]);
    // A person edited the file by hand: the second heading now says level 9.
    const file = path.join(dir, FILE);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace('"level":2', '"level":9'));
    // Old mtimes, so that any write would show.
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of [file, path.join(dir, 'policywright.json'), path.join(dir, 'documents', 'cookie-policy.policy.json')]) {
      await fs.utimes(f, past, past);
    }
    return dir;
  }

  it('is listed by info() with a problem naming the file and the spot, while the others load', async () => {
    const dir = await projectWithBrokenDocument();
    const info = await (await Project.open(dir)).info();
    expect(info.documents).toHaveLength(2);
    const [broken, fine] = info.documents;
    expect(broken?.id).toBe('privacy-policy');
    expect(broken?.problem).toContain(FILE);
    expect(broken?.problem).toContain('blocks[2].level');
    expect(fine).toEqual({ id: 'cookie-policy', title: 'Cookie Policy' });
  });

  it('makes loadDocument throw a FormatError naming the file', async () => {
    const dir = await projectWithBrokenDocument();
    const error = await errorOf((await Project.open(dir)).loadDocument('privacy-policy'));
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).file).toBe(FILE);
    expect(error.message).toMatch(/^documents\/privacy-policy\.policy\.json: blocks\[2\]\.level too big/);
  });

  it('is never modified by opening, listing or loading', async () => {
    const dir = await projectWithBrokenDocument();
    const before = await snapshot(dir);
    const project = await Project.open(dir);
    await project.info();
    await project.info();
    await project.loadDocument('privacy-policy').catch(() => undefined);
    await project.loadDocument('cookie-policy');
    await Project.open(dir);
    const after = await snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, { bytes, mtimeMs }] of before) {
      expect(Buffer.compare(after.get(file)?.bytes ?? Buffer.alloc(0), bytes), file).toBe(0);
      expect(after.get(file)?.mtimeMs, file).toBe(mtimeMs);
    }
  });

  it('lists a document whose file is missing with a problem, not a crash', async () => {
    const dir = path.join(tmp, 'missing');
    await Project.create(dir, 'Missing', [{ id: 'privacy-policy', doc: PRIVACY }]);
    await fs.rm(path.join(dir, FILE));
    const info = await (await Project.open(dir)).info();
    expect(info.documents[0]?.id).toBe('privacy-policy');
    expect(info.documents[0]?.problem).toContain('privacy-policy.policy.json');
    expect(info.documents[0]?.problem).toContain('does not exist');
  });
});

describe('saveDocument and loadDocument refuse documents the project does not list', () => {
  it.each(['terms', '../policywright', 'Privacy-Policy', ''])('refuses %j', async (id) => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const before = await snapshot(dir);
    const saveError = await errorOf(project.saveDocument(id, COOKIES, null));
    expect(saveError).toBeInstanceOf(UserError);
    expect(saveError.message).toBe(`There is no document "${id}" in the project P.`);
    await expect(project.loadDocument(id)).rejects.toBeInstanceOf(UserError);
    const after = await snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('does not save a stray file that sits in documents/ unlisted', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const stray = path.join(dir, 'documents', 'stray.policy.json');
    await fs.writeFile(stray, 'not mine to touch');
    await expect(project.saveDocument('stray', COOKIES, null)).rejects.toBeInstanceOf(UserError);
    expect(await fs.readFile(stray, 'utf8')).toBe('not mine to touch');
  });

  it('refuses to save an invalid document and keeps the file as it was', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const file = path.join(dir, 'documents', 'privacy-policy.policy.json');
    const before = await fs.readFile(file, 'utf8');
    const bad = { ...PRIVACY, blocks: [{ kind: 'heading', id: 's-bad0000001', level: 0, runs: [] }] } as unknown as PolicyDocument;
    await expect(project.saveDocument('privacy-policy', bad, (await project.readDocument('privacy-policy')).stamp)).rejects.toThrow();
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });
});

describe('createDocument', () => {
  it('takes the slug of the title, writes a valid blank document and lists it in the manifest', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    expect(await project.createDocument('Acceptable Use Policy')).toEqual({ id: 'acceptable-use-policy', title: 'Acceptable Use Policy' });
    expect(project.documentIds).toEqual(['privacy-policy', 'acceptable-use-policy']);

    const reopened = await Project.open(dir);
    expect(reopened.documentIds).toEqual(['privacy-policy', 'acceptable-use-policy']);
    const doc = await reopened.loadDocument('acceptable-use-policy');
    expect(doc.title).toBe('Acceptable Use Policy');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
  });

  it('picks privacy-policy-2 when privacy-policy exists', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    expect((await project.createDocument('Privacy Policy')).id).toBe('privacy-policy-2');
    expect((await project.createDocument('Privacy Policy')).id).toBe('privacy-policy-3');
    expect(await project.loadDocument('privacy-policy')).toEqual(PRIVACY);
    expect((await Project.open(dir)).documentIds).toEqual(['privacy-policy', 'privacy-policy-2', 'privacy-policy-3']);
  });

  it('never takes the name of a stray file, listed or not, and leaves that file alone', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', [{ id: 'privacy-policy', doc: PRIVACY }]);
    const stray = path.join(dir, 'documents', 'privacy-policy-2.policy.json');
    await fs.writeFile(stray, 'someone else’s draft');
    expect((await project.createDocument('Privacy Policy')).id).toBe('privacy-policy-3');
    expect(await fs.readFile(stray, 'utf8')).toBe('someone else’s draft');
    // Not listed: the stray file does not become part of the project.
    expect(project.documentIds).toEqual(['privacy-policy', 'privacy-policy-3']);
  });

  it('picks the plain slug when only an unlisted file of another name is there', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', []);
    expect((await project.createDocument('Privacy Policy')).id).toBe('privacy-policy');
  });

  it('names a document whose title has no letters "document"', async () => {
    const project = await Project.create(path.join(tmp, 'p'), 'P', []);
    expect((await project.createDocument('!!!')).id).toBe('document');
    expect((await project.createDocument('???')).id).toBe('document-2');
  });

  it('keeps ids valid for long titles, so the project still opens', async () => {
    const dir = path.join(tmp, 'p');
    const project = await Project.create(dir, 'P', []);
    const title = 'A very long title for a data processing addendum that goes on well past the sixty four character limit';
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push((await project.createDocument(title)).id);
    for (const id of ids) expect(DocumentIdSchema.safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const reopened = await Project.open(dir);
    expect(reopened.documentIds).toEqual(ids);
    for (const id of ids) expect((await reopened.loadDocument(id)).title).toBe(title);
  });
});

describe('blankDocument', () => {
  it('is a valid document with one heading and a fresh section id each time', () => {
    const a = blankDocument('Privacy Policy');
    const b = blankDocument('Privacy Policy');
    expect(PolicyDocumentSchema.safeParse(a).success).toBe(true);
    expect(a.title).toBe('Privacy Policy');
    const idOf = (doc: PolicyDocument) => (doc.blocks[0]?.kind === 'heading' ? doc.blocks[0].id : null);
    expect(idOf(a)).not.toBeNull();
    expect(idOf(a)).not.toBe(idOf(b));
  });
});

describe('the bundled sample', () => {
  it('loads every sample document, valid and byte-stable', async () => {
    const docs = await loadSampleDocuments();
    expect(docs.map((d) => d.id)).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);
    for (const { id, doc } of docs) {
      const text = await fs.readFile(path.join(bundledSampleDir(), 'documents', `${id}.policy.json`), 'utf8');
      expect(parseFile(PolicyDocumentSchema, text, id)).toEqual(doc);
      expect(serializeDocument(doc)).toBe(text);
    }
  });
});
