// The project store's half of the export part of `npm run bench`: saving the benchmark document through the store,
// the check that the file is still the one the save is based on included (main/store/project.ts), and keeping a
// journal entry of it (main/store/journal.ts), bundled from the TypeScript sources with esbuild and timed here.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { collectGarbage, median } from './exports.mjs';
import { loadShared } from './load-shared.mjs';

export const STORE_TARGETS = { 'store.save.100k.ms': 150 };

const RUNS = 7;

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
  for (let i = 0; i < RUNS; i++) {
    const edited = { ...doc, versionLabel: `bench ${i}` };
    collectGarbage();
    let t = performance.now();
    ({ stamp } = await project.saveDocument('bench', edited, stamp));
    saves.push(performance.now() - t);
    const text = store.serializeDocument(edited);
    collectGarbage();
    t = performance.now();
    await journal.write(project.dir, 'bench', { base: stamp, takenAt: new Date().toISOString(), text });
    journals.push(performance.now() - t);
  }
  const bytes = (await fs.stat(path.join(dir, 'documents', 'bench.policy.json'))).size;
  log(`  store: saveDocument (check, serialize, atomic write with fsync) ${saves.map((v) => v.toFixed(0)).join(', ')} ms; journal entry ${journals.map((v) => v.toFixed(0)).join(', ')} ms; ${(bytes / 1024 / 1024).toFixed(2)} MB file`);
  return [
    { name: 'store.save.100k.ms', value: Math.round(median(saves) * 10) / 10, unit: 'ms', peer: '(no peer: one save through the store, its conflict check and fsyncs included)', peerValue: null },
    { name: 'store.journal.100k.ms', value: Math.round(median(journals) * 10) / 10, unit: 'ms', peer: '(no peer: one crash-recovery journal entry, atomic and fsynced)', peerValue: null },
  ];
}
