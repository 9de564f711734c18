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

const GONE = 'window-gone-0001';
const OTHER = 'window-gone-0002';
const ME = 'window-asking-01';

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

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
/** A window heard from long ago: what `recover` sees of a window that crashed. */
const later = () => Date.now() + 60_000;

describe('the journal keeps unsaved edits until they are saved, restored or discarded', () => {
  it('offers back edits a window left behind that differ from the file', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', GONE, { base: stamp, takenAt: at(0), text: serializeDocument(edited('Typed before the crash.')) });
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [], later());
    expect(recovered).toMatchObject({ keptBy: 'app', window: GONE, base: stamp, document: edited('Typed before the crash.') });
  });

  it('never offers the edits of a window that is still alive, nor the asking window’s own', async () => {
    await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(0), text: serializeDocument(edited('Live edits.')) });
    expect((await journal.recover(project, 'privacy-policy', ME, [])).recovered).toBeNull();
    expect((await journal.recover(project, 'privacy-policy', GONE, [], later())).recovered).toBeNull();
    // Once nothing has been heard from it for a while, it is taken for gone.
    expect((await journal.recover(project, 'privacy-policy', ME, [], later() + 60_000)).recovered).not.toBeNull();
  });

  it('lets go of an entry that holds exactly the file, and names the browser’s such entries as stale', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    const saved = await project.saveDocument('privacy-policy', edited('Saved.'), stamp);
    const same = { base: saved.stamp, takenAt: at(0), text: serializeDocument(edited('Saved.')) };
    await journal.write(project.dir, 'privacy-policy', GONE, same);
    const found = await journal.recover(project, 'privacy-policy', ME, [{ window: OTHER, entry: same }], later());
    expect(found).toEqual({ recovered: null, stale: [OTHER] });
    expect(await journal.entries(project.dir, 'privacy-policy')).toEqual([]);
  });

  it('still offers edits made on a file that someone changed since, with their base, and never deletes them unasked', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', GONE, { base: stamp, takenAt: at(-60_000), text: serializeDocument(edited('Mine, older.')) });
    await project.saveDocument('privacy-policy', edited('A colleague’s, newer.'), stamp);
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [], later());
    expect(recovered).toMatchObject({ base: stamp, document: edited('Mine, older.') });
    expect(await journal.entries(project.dir, 'privacy-policy')).toHaveLength(1);
  });

  it('reads an entry whose text has a section id twice (a copied heading not yet saved), giving the copy a new id', async () => {
    const doc: PolicyDocument = {
      ...blankDocument('Privacy Policy'),
      blocks: [
        { kind: 'heading', id: 's-dupe000001', level: 1, runs: [{ text: 'One' }] },
        { kind: 'heading', id: 's-dupe000001', level: 1, runs: [{ text: 'One, copied' }] },
      ],
    };
    await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(0), text: serializeDocument(doc) });
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [], later());
    const ids = recovered?.document.blocks.map((b) => (b.kind === 'heading' ? b.id : null));
    expect(ids?.[0]).toBe('s-dupe000001');
    expect(ids?.[1]).toMatch(/^s-[0-9a-z]{10}$/);
    expect(ids?.[1]).not.toBe('s-dupe000001');
  });

  it('keeps an entry it cannot read, and offers the next one', async () => {
    await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(2000), text: '{"format": 1, "title":' });
    await journal.write(project.dir, 'privacy-policy', OTHER, { base: null, takenAt: at(1000), text: serializeDocument(edited('Readable.')) });
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [], later());
    expect(recovered?.window).toBe(OTHER);
    expect((await journal.entries(project.dir, 'privacy-policy')).map((e) => e.window).sort()).toEqual([GONE, OTHER]);
  });

  it('prefers the newest of the app’s and the browser’s, and takes the browser’s into the app’s journal', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', GONE, { base: stamp, takenAt: at(1000), text: serializeDocument(edited('App copy.')) });
    const browser = { window: OTHER, entry: { base: stamp, takenAt: at(2000), text: serializeDocument(edited('Browser copy, newer.')) } };
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [browser], later());
    expect(recovered).toMatchObject({ keptBy: 'browser', window: OTHER, document: edited('Browser copy, newer.') });
    expect((await journal.entries(project.dir, 'privacy-policy')).map((e) => e.window).sort()).toEqual([GONE, OTHER]);
  });

  it('keeps each project’s, document’s and window’s edits apart; clear removes only its own', async () => {
    const other = await Project.create(path.join(tmp, 'q'), 'Q', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
    const entry = (text: string) => ({ base: null, takenAt: at(0), text: serializeDocument(edited(text)) });
    await journal.write(project.dir, 'privacy-policy', GONE, entry('In P.'));
    await journal.write(other.dir, 'privacy-policy', GONE, entry('In Q.'));
    await journal.write(other.dir, 'privacy-policy', OTHER, entry('In Q, another window.'));
    await journal.clear(other.dir, 'privacy-policy', GONE);
    expect((await journal.entries(project.dir, 'privacy-policy')).map((e) => e.entry.text)).toEqual([serializeDocument(edited('In P.'))]);
    expect((await journal.entries(other.dir, 'privacy-policy')).map((e) => e.window)).toEqual([OTHER]);
  });

  it('offers the edits of a document whose file was deleted since', async () => {
    await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(0), text: serializeDocument(edited('Still here.')) });
    await fs.rm(path.join(project.dir, 'documents', 'privacy-policy.policy.json'));
    expect((await journal.recover(project, 'privacy-policy', ME, [], later())).recovered).toMatchObject({ document: edited('Still here.') });
  });

  it('offers back an entry the app wrote before its files held the text as it is (one JSON object)', async () => {
    const { stamp } = await project.readDocument('privacy-policy');
    await journal.write(project.dir, 'privacy-policy', GONE, { base: stamp, takenAt: at(0), text: serializeDocument(edited('Now.')) });
    const home = path.join(tmp, 'home', 'journal');
    const [folder] = await fs.readdir(home);
    const file = path.join(home, folder as string, 'privacy-policy', `${GONE}.json`);
    const text = serializeDocument(edited('Typed in an older version.'));
    await fs.writeFile(file, JSON.stringify({ project: project.dir, documentId: 'privacy-policy', window: GONE, base: stamp, takenAt: at(0), text }));
    const { recovered } = await journal.recover(project, 'privacy-policy', ME, [], later());
    expect(recovered).toMatchObject({ keptBy: 'app', window: GONE, base: stamp, document: edited('Typed in an older version.') });
  });

  it('writes its files for the person alone to read', async () => {
    await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(0), text: serializeDocument(edited('Private.')) });
    const home = path.join(tmp, 'home', 'journal');
    const [folder] = await fs.readdir(home);
    const file = path.join(home, folder as string, 'privacy-policy', `${GONE}.json`);
    expect((await fs.stat(file)).mode & 0o077).toBe(0);
    await journal.browserKey();
    expect((await fs.stat(path.join(home, 'browser.key'))).mode & 0o077).toBe(0);
  });
});

describe('a window’s next entry may be only what changed since the entry the app kept last', () => {
  const whole = (text: string) => ({ base: null, takenAt: at(0), text: serializeDocument(edited(text)) });
  const patchOf = (before: string, after: string, tag: string) => {
    const [from, to] = [serializeDocument(edited(before)), serializeDocument(edited(after))];
    let start = 0;
    while (from[start] === to[start]) start++;
    let end = 0;
    while (end < from.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
    return { base: null, takenAt: at(1), after: tag, at: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
  };
  const kept = async () => (await journal.entries(project.dir, 'privacy-policy')).map((e) => e.entry.text);

  it('applies a patch to the entry it names, keeps the whole result, and answers a new tag for the next patch', async () => {
    const first = await journal.write(project.dir, 'privacy-policy', GONE, whole('Typed.'));
    expect(first).toMatch(/^[a-f0-9]{32}$/);
    const second = await journal.write(project.dir, 'privacy-policy', GONE, patchOf('Typed.', 'Typed more.', first as string));
    expect(second).toMatch(/^[a-f0-9]{32}$/);
    expect(second).not.toBe(first);
    expect(await kept()).toEqual([serializeDocument(edited('Typed more.'))]);
    await journal.write(project.dir, 'privacy-policy', GONE, patchOf('Typed more.', 'Typed more still.', second as string));
    expect(await kept()).toEqual([serializeDocument(edited('Typed more still.'))]);
  });

  it('refuses a patch of an entry it does not hold — an older one, another process’s, one cleared since — and keeps what it had', async () => {
    const first = (await journal.write(project.dir, 'privacy-policy', GONE, whole('Typed.'))) as string;
    const second = (await journal.write(project.dir, 'privacy-policy', GONE, patchOf('Typed.', 'Typed more.', first))) as string;
    expect(await journal.write(project.dir, 'privacy-policy', GONE, patchOf('Typed.', 'Typed other.', first))).toBeNull();
    // A host started since holds no entry in memory, though the file is there.
    const restarted = Journal.in(path.join(tmp, 'home'));
    expect(await restarted.write(project.dir, 'privacy-policy', GONE, patchOf('Typed more.', 'Typed more!', second))).toBeNull();
    // Another window cannot patch this one's entry.
    expect(await journal.write(project.dir, 'privacy-policy', OTHER, patchOf('Typed more.', 'Typed more!', second))).toBeNull();
    expect(await kept()).toEqual([serializeDocument(edited('Typed more.'))]);
    await journal.clear(project.dir, 'privacy-policy', GONE);
    expect(await journal.write(project.dir, 'privacy-policy', GONE, patchOf('Typed more.', 'Typed more!', second))).toBeNull();
    expect(await kept()).toEqual([]);
  });

  it('applies a first patch to the document’s file while it has the stamp the patch names, and refuses it once the file changed', async () => {
    const read = () => project.fileState('privacy-policy');
    const file = await read();
    const { stamp } = await project.readDocument('privacy-policy');
    expect(file?.stamp).toBe(stamp);
    const text = file?.text as string;
    const patch = { base: stamp, takenAt: at(1), after: stamp, at: text.length - 2, remove: 0, insert: ' ' };
    expect(await journal.write(project.dir, 'privacy-policy', GONE, patch, read)).toMatch(/^[a-f0-9]{32}$/);
    expect(await kept()).toEqual([`${text.slice(0, -2)} ${text.slice(-2)}`]);
    await project.saveDocument('privacy-policy', edited('Saved by someone else.'), stamp);
    expect(await journal.write(project.dir, 'privacy-policy', OTHER, { ...patch, insert: '!' }, read)).toBeNull();
    // Without a way to read the file, no patch of it is kept either.
    expect(await journal.write(project.dir, 'privacy-policy', OTHER, { ...patch, insert: '!' })).toBeNull();
  });

  it('holds the last entries of 32 windows at most: the one written to longest ago is refused a patch, and sends its text whole', async () => {
    const windows = Array.from({ length: 33 }, (_, i) => `window-many-${String(i).padStart(4, '0')}`);
    const tags: string[] = [];
    for (const window of windows) tags.push((await journal.write(project.dir, 'privacy-policy', window, whole('Typed.'))) as string);
    const patch = (tag: string) => patchOf('Typed.', 'Typed more.', tag);
    expect(await journal.write(project.dir, 'privacy-policy', windows[0] as string, patch(tags[0] as string))).toBeNull();
    expect(await journal.write(project.dir, 'privacy-policy', windows[1] as string, patch(tags[1] as string))).toMatch(/^[a-f0-9]{32}$/);
  });

  it('refuses a patch that reaches past the end of the entry', async () => {
    const first = (await journal.write(project.dir, 'privacy-policy', GONE, whole('Typed.'))) as string;
    const length = serializeDocument(edited('Typed.')).length;
    expect(await journal.write(project.dir, 'privacy-policy', GONE, { base: null, takenAt: at(1), after: first, at: length - 2, remove: 3, insert: 'x' })).toBeNull();
    expect(await kept()).toEqual([serializeDocument(edited('Typed.'))]);
  });
});
