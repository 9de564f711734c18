// Ten times the document, the Node side of it: a generated 20,000-section / 1,000,000-word policy saved through the
// store, compared with an edition of it (2% of words edited, 20 sections moved), merged three ways and exported to
// DOCX, each timed in a Node process of its own (in-child.mjs; the code bundled from the sources, as the other Node
// rows are). The editor's rows for this document (open, typing, heap) need the browser and are not measured here yet.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { editEdition } from './compare.mjs';
import { collectGarbage, median } from './exports.mjs';
import { buildDocument } from './generate.mjs';
import { loadShared } from './load-shared.mjs';

export const TENFOLD_TARGETS = { 'store.save.1m.ms': 500, 'compare.1m.ms': 500, 'merge.1m.ms': 1000, 'export.docx.1m.ms': 3000 };

const RUNS = 3;

async function timed(run) {
  const times = [];
  let result;
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    const t = performance.now();
    result = await run();
    if (i > 0) times.push(performance.now() - t);
  }
  return { ms: median(times), times, result };
}

export async function measureTenfold({ seed, tmp, log = console.log }) {
  const code = await loadShared([
    "export { Project } from './main/store/project';",
    "export { compareDocuments } from './shared/compare/compare';",
    "export { mergeDocuments } from './shared/merge/merge-documents';",
    "export { exportDocx } from './shared/export/docx';",
    "export { PolicyDocumentSchema } from './shared/model/document';",
    "export { seeded } from './shared/testing/seeded-random';",
  ]);
  const doc = code.PolicyDocumentSchema.parse(buildDocument(code.seeded(seed), { sections: 20_000, words: 1_000_000 }).doc);
  const mine = code.PolicyDocumentSchema.parse(editEdition(doc, code.seeded(seed + 1)));
  const theirs = code.PolicyDocumentSchema.parse(editEdition(doc, code.seeded(seed + 2)));
  const problems = [];

  const dir = path.join(tmp, 'tenfold-project');
  await fs.rm(dir, { recursive: true, force: true });
  const project = await code.Project.create(dir, 'Tenfold', [{ id: 'tenfold', doc }]);
  let { stamp } = await project.readDocument('tenfold');
  let round = 0;
  const save = await timed(async () => {
    ({ stamp } = await project.saveDocument('tenfold', { ...doc, versionLabel: `tenfold ${round++}` }, stamp));
  });
  const bytes = (await fs.stat(path.join(dir, 'documents', 'tenfold.policy.json'))).size;

  const compare = await timed(() => code.compareDocuments(doc, mine, { oldLabel: 'a', newLabel: 'b' }));
  if (compare.result.summary.added || compare.result.summary.deleted) problems.push('compare.1m: added or deleted sections where none were');
  const merge = await timed(() => code.mergeDocuments(doc, mine, theirs));
  const docx = await timed(() => code.exportDocx(doc));

  const words = doc.blocks.reduce((n, b) => n + b.runs.reduce((m, r) => m + r.text.split(/\s+/).filter(Boolean).length, 0), 0);
  log(
    `  tenfold (${words.toLocaleString('en')} words, ${doc.blocks.length.toLocaleString('en')} blocks, ${(bytes / 1024 / 1024).toFixed(1)} MB file): ` +
      `save ${save.times.map((v) => v.toFixed(0)).join(', ')} ms; compare ${compare.times.map((v) => v.toFixed(0)).join(', ')} ms; ` +
      `merge ${merge.times.map((v) => v.toFixed(0)).join(', ')} ms (${merge.result.conflicts.length} conflicts); ` +
      `DOCX ${docx.times.map((v) => v.toFixed(0)).join(', ')} ms (${(docx.result.length / 1024 / 1024).toFixed(1)} MB)`,
  );
  const row = (name, ms, peer) => ({ name, value: Math.round(ms * 10) / 10, unit: 'ms', peer, peerValue: null });
  return {
    problems,
    rows: [
      row('store.save.1m.ms', save.ms, '(no peer: one save of the 1M-word document through the store, check and fsyncs included)'),
      row('compare.1m.ms', compare.ms, '(no peer: 20,000 sections, 2% of words edited, 20 moved)'),
      row('merge.1m.ms', merge.ms, '(no peer: two editions of the 1M-word document, each with its own edits and moves)'),
      row('export.docx.1m.ms', docx.ms, '(no peer: pandoc is measured on the 100k document)'),
    ],
  };
}
