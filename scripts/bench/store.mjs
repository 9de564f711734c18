// The project store's half of the export part of `npm run bench`: saving the benchmark document through the store,
// the check that the file is still the one the save is based on included (main/store/project.ts), and keeping a
// journal entry of it (main/store/journal.ts), bundled from the TypeScript sources with esbuild and timed here.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { collectGarbage, median } from './exports.mjs';
import { loadShared } from './load-shared.mjs';

export const STORE_TARGETS = { 'store.save.100k.ms': 150 };

const RUNS = 7;

const WINDOW = 'bench-window-0001';

export async function measureStore({ documentFile, tmp, log = console.log }) {
  const store = await loadShared([
    "export { Project } from './main/store/project';",
    "export { Journal } from './main/store/journal';",
    "export { serializeDocument } from './shared/format/serialize';",
    "export { parseFile } from './shared/format/parse';",
    "export { PolicyDocumentSchema } from './shared/model/document';",
  ]);
  const doc = store.parseFile(store.PolicyDocumentSchema, await fs.readFile(documentFile, 'utf8'), path.basename(documentFile));
  const dir = path.join(tmp, 'store-project');
  await fs.rm(dir, { recursive: true, force: true });
  const project = await store.Project.create(dir, 'Bench', [{ id: 'bench', doc }]);
  const journal = store.Journal.in(path.join(tmp, 'store-home'));
  let { stamp } = await project.readDocument('bench');

  const saves = [];
  const journals = [];
  const patches = [];
  for (let i = 0; i < RUNS; i++) {
    const edited = { ...doc, versionLabel: `bench ${i}` };
    collectGarbage();
    let t = performance.now();
    ({ stamp } = await project.saveDocument('bench', edited, stamp));
    saves.push(performance.now() - t);
    const text = store.serializeDocument(edited);
    collectGarbage();
    t = performance.now();
    const tag = await journal.write(project.dir, 'bench', WINDOW, { base: stamp, takenAt: new Date().toISOString(), text });
    journals.push(performance.now() - t);
    if (!tag) throw new Error('store: the journal did not keep a whole entry');
    // What each entry after the first costs while typing: a patch of the last (one word typed into the middle).
    collectGarbage();
    t = performance.now();
    const patched = await journal.write(project.dir, 'bench', WINDOW, { base: stamp, takenAt: new Date().toISOString(), after: tag, at: Math.floor(text.length / 2), remove: 0, insert: 'x' });
    patches.push(performance.now() - t);
    if (!patched) throw new Error('store: the journal did not keep a patch of its last entry');
  }
  const bytes = (await fs.stat(path.join(dir, 'documents', 'bench.policy.json'))).size;
  log(`  store: saveDocument (check, serialize, atomic write with fsync) ${saves.map((v) => v.toFixed(0)).join(', ')} ms; journal entry, whole ${journals.map((v) => v.toFixed(0)).join(', ')} ms, a patch of it ${patches.map((v) => v.toFixed(0)).join(', ')} ms; ${(bytes / 1024 / 1024).toFixed(2)} MB file`);
  return [
    { name: 'store.save.100k.ms', value: Math.round(median(saves) * 10) / 10, unit: 'ms', peer: '(no peer: one save through the store, its conflict check and fsyncs included)', peerValue: null },
    { name: 'store.journal.100k.ms', value: Math.round(median(journals) * 10) / 10, unit: 'ms', peer: '(no peer: one crash-recovery journal entry of the whole text, atomic and fsynced)', peerValue: null },
    { name: 'store.journal.patch.100k.ms', value: Math.round(median(patches) * 10) / 10, unit: 'ms', peer: '(no peer: a journal entry sent as a patch of the last, applied, then written as the whole entry is)', peerValue: null },
  ];
}
