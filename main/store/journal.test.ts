import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/format/serialize';
import type { PolicyDocument } from '../../shared/model/document';
import { Journal } from './journal';
import { Project, blankDocument } from './project';

let tmp: string;
let project: Project;
let journal: Journal;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-journal-'));
  project = await Project.create(path.join(tmp, 'p'), 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
  journal = Journal.in(path.join(tmp, 'home'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function edited(text: string): PolicyDocument {
  return { ...blankDocument('Privacy Policy'), blocks: [{ kind: 'paragraph', runs: [{ text }] }] };
}

const later = (ms = 60_000) => new Date(Date.now() + ms).toISOString();

describe('the journal keeps unsaved edits until they are saved', () => {
  it('offers back edits that differ from the file, as the app kept them', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', { base: stamp, takenAt: later(), text: serializeDocument(edited('Typed before the crash.')) });
    const recovered = await journal.recover(project, 'privacy-policy', null);
    expect(recovered).toMatchObject({ keptBy: 'app', document: edited('Typed before the crash.') });
  });

  it('offers nothing, and lets the entry go, when the file already holds the same text', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    const saved = await project.saveDocument('privacy-policy', edited('Saved.'), stamp);
    await journal.write(project.dir, 'privacy-policy', { base: saved.stamp, takenAt: later(), text: serializeDocument(edited('Saved.')) });
    expect(await journal.recover(project, 'privacy-policy', null)).toBeNull();
    expect(await journal.read(project.dir, 'privacy-policy')).toBeNull();
  });

  it('offers nothing for edits older than a file written since on another base (a late write after a save)', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', { base: stamp, takenAt: new Date(Date.now() - 60_000).toISOString(), text: serializeDocument(edited('Older.')) });
    await project.saveDocument('privacy-policy', edited('Newer, saved.'), stamp);
    expect(await journal.recover(project, 'privacy-policy', null)).toBeNull();
  });

  it('prefers the newest of the app’s and the browser’s, and skips one that does not read as a document', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', { base: stamp, takenAt: later(1000), text: serializeDocument(edited('App copy.')) });
    const browser = { base: stamp, takenAt: later(2000), text: serializeDocument(edited('Browser copy, newer.')) };
    expect(await journal.recover(project, 'privacy-policy', browser)).toMatchObject({ keptBy: 'browser', document: edited('Browser copy, newer.') });
    const broken = { base: stamp, takenAt: later(3000), text: '{"format": 1, "title":' };
    expect(await journal.recover(project, 'privacy-policy', broken)).toMatchObject({ keptBy: 'app' });
  });

  it('keeps each project’s and document’s edits apart, and clear removes only its own', async () => {
    const other = await Project.create(path.join(tmp, 'q'), 'Q', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
    const entry = (text: string) => ({ base: null, takenAt: later(), text: serializeDocument(edited(text)) });
    await journal.write(project.dir, 'privacy-policy', entry('In P.'));
    await journal.write(other.dir, 'privacy-policy', entry('In Q.'));
    await journal.clear(other.dir, 'privacy-policy');
    expect((await journal.read(project.dir, 'privacy-policy'))?.text).toContain('In P.');
    expect(await journal.read(other.dir, 'privacy-policy')).toBeNull();
  });

  it('offers the edits of a document whose file was deleted since', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', { base: stamp, takenAt: later(), text: serializeDocument(edited('Still here.')) });
    await fs.rm(path.join(project.dir, 'documents', 'privacy-policy.policy.json'));
    expect(await journal.recover(project, 'privacy-policy', null)).toMatchObject({ document: edited('Still here.') });
  });
});
