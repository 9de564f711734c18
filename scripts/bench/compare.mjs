// The compare row of `npm run bench`: the app's structured compare (shared/compare) on two 2,000-section / 100,000-word
// editions that differ by about 2% of their words and 20 moved sections, against jsdiff's diffWords on the same two
// editions flattened to text (the peer). Both run in one Node process of their own (in-child.mjs), one after the other.
import { collectGarbage, median } from './exports.mjs';
import { buildDocument } from './generate.mjs';
import { loadShared } from './load-shared.mjs';

export const COMPARE_TARGETS = { 'compare.100k.ms': 50, 'merge.100k.ms': 100, 'check.100k.ms': 100 };

const RUNS = 7;
const WORD_EDIT_SHARE = 0.02;
const MOVED_SECTIONS = 20;
/** jsdiff on a moved text can run for minutes (75 s with 3 moves, measured): past this it gives up and says so. */
const PEER_TIMEOUT_MS = 30_000;

/** The second edition: word edits spread over the body text, then sections (a heading and its body) moved elsewhere. */
export function editEdition(doc, random) {
  const blocks = structuredClone(doc.blocks);
  const words = blocks.reduce((n, b) => n + b.runs.reduce((m, r) => m + r.text.split(' ').length, 0), 0);
  const edits = Math.round(words * WORD_EDIT_SHARE);
  const textBlocks = blocks.filter((b) => b.kind !== 'heading');
  const replacements = ['promptly', 'reasonable', 'processor', 'controller', 'written', 'annual', 'lawful', 'records'];
  for (let e = 0; e < edits; e++) {
    const block = textBlocks[Math.floor(random() * textBlocks.length)];
    const run = block.runs[block.runs.length - 1];
    const parts = run.text.split(' ');
    const at = Math.floor(random() * parts.length);
    const word = replacements[Math.floor(random() * replacements.length)];
    const r = random();
    if (r < 0.6) parts[at] = word;
    else if (r < 0.8) parts.splice(at, 0, word);
    else if (parts.length > 3) parts.splice(at, 1);
    run.text = parts.join(' ');
  }
  for (let m = 0; m < MOVED_SECTIONS; m++) {
    const headings = blocks.flatMap((b, i) => (b.kind === 'heading' ? [i] : []));
    const start = headings[1 + Math.floor(random() * (headings.length - 2))];
    let end = start + 1;
    while (end < blocks.length && blocks[end].kind !== 'heading') end++;
    const moved = blocks.splice(start, end - start);
    const after = blocks.flatMap((b, i) => (b.kind === 'heading' ? [i] : []));
    const to = after[Math.floor(random() * after.length)];
    blocks.splice(to, 0, ...moved);
  }
  return { ...doc, blocks, versionLabel: 'bench, edited' };
}

function flatten(doc) {
  return doc.blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');
}

export async function measureCompare({ seed, log = console.log }) {
  const shared = await loadShared([
    "export { compareDocuments } from './shared/compare/compare';",
    "export { mergeDocuments } from './shared/merge/merge-documents';",
    "export { checkDocument } from './shared/check/check-document';",
    "export { outlineOf } from './shared/numbering/outline';",
    "export { PolicyDocumentSchema } from './shared/model/document';",
    "export { seeded } from './shared/testing/seeded-random';",
    "export { diffWords } from 'diff';",
  ]);
  const oldDoc = shared.PolicyDocumentSchema.parse(buildDocument(shared.seeded(seed)).doc);
  const newDoc = shared.PolicyDocumentSchema.parse(editEdition(oldDoc, shared.seeded(seed + 1)));
  const problems = [];

  const times = [];
  let result = null;
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    const t = performance.now();
    result = shared.compareDocuments(oldDoc, newDoc, { oldLabel: 'bench', newLabel: 'bench, edited' });
    if (i > 0) times.push(performance.now() - t);
  }
  const ours = median(times);
  const s = result.summary;
  log(
    `  compareDocuments: ${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${ours.toFixed(1)}); ` +
      `${s.changed} changed, ${s.unchanged} unchanged, ${s.moved} moved, ${s.added} added, ${s.deleted} deleted; ` +
      `+${s.wordsInserted} −${s.wordsDeleted} words`,
  );
  if (s.added || s.deleted) problems.push(`compare: ${s.added} added and ${s.deleted} deleted sections where none were`);
  if (s.moved < MOVED_SECTIONS / 2 || s.moved > MOVED_SECTIONS * 2) problems.push(`compare: ${s.moved} moves found for ${MOVED_SECTIONS} made`);

  const oldText = flatten(oldDoc);
  const newText = flatten(newDoc);
  collectGarbage();
  const t = performance.now();
  const peerResult = shared.diffWords(oldText, newText, { timeout: PEER_TIMEOUT_MS });
  const peer = performance.now() - t;
  const gaveUp = peerResult === undefined;
  log(
    `  jsdiff diffWords on the flattened text (${(oldText.length / 1024).toFixed(0)} KiB): ` +
      (gaveUp ? `gave up after ${(peer / 1000).toFixed(1)} s (its timeout)` : `${(peer / 1000).toFixed(2)} s, ${peerResult.length} parts`) +
      `; ours is ${gaveUp ? 'more than ' : ''}${(peer / ours).toFixed(0)}× faster`,
  );
  // Sync's merge: two people's editions of the same document, each with its own 2% of word edits and 20 moves.
  const theirDoc = shared.PolicyDocumentSchema.parse(editEdition(oldDoc, shared.seeded(seed + 2)));
  const merges = [];
  let merge = null;
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    const t0 = performance.now();
    merge = shared.mergeDocuments(oldDoc, newDoc, theirDoc);
    if (i > 0) merges.push(performance.now() - t0);
  }
  if (!shared.PolicyDocumentSchema.safeParse(merge.merged).success) problems.push('merge: the merged document is not a valid document');
  log(
    `  mergeDocuments: ${merges.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(merges).toFixed(1)}); ` +
      `${merge.conflicts.length} conflicts (paragraphs both changed, sections both moved), ${merge.merged.blocks.length} blocks`,
  );

  // The checker on the document with 200 defined terms and 500 typed references (to sections that exist) added.
  const checked = withTermsAndReferences(oldDoc, shared.outlineOf(oldDoc), shared.seeded(seed + 3));
  const checks = [];
  let findings = [];
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    const t0 = performance.now();
    findings = shared.checkDocument(checked);
    if (i > 0) checks.push(performance.now() - t0);
  }
  const broken = findings.filter((f) => f.rule === 'broken-reference').length;
  if (broken > 0) problems.push(`check: ${broken} of the 500 typed references, all to sections that exist, were reported broken`);
  log(`  checkDocument (200 terms, 500 references): ${checks.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(checks).toFixed(1)}); ${findings.length} findings`);

  return {
    problems,
    rows: [
      {
        name: 'check.100k.ms',
        value: round(median(checks)),
        unit: 'ms',
        peer: '(no peer: the whole checker on the document with 200 defined terms and 500 typed references)',
        peerValue: null,
      },
      {
        name: 'merge.100k.ms',
        value: round(median(merges)),
        unit: 'ms',
        peer: '(no peer: the three-way merge of two editions, each with 2% of its words edited and 20 sections moved)',
        peerValue: null,
      },
      {
        name: 'compare.100k.ms',
        value: round(ours),
        unit: 'ms',
        peer: `jsdiff ${'diffWords'} on the flattened text${gaveUp ? ` (gave up at its ${PEER_TIMEOUT_MS / 1000} s timeout)` : ''}`,
        peerValue: round(peer),
      },
    ],
  };
}

/** 200 paragraphs made definitions ("Term 17" means …, used once elsewhere) and 500 "see Section N" references added. */
function withTermsAndReferences(doc, outline, random) {
  const blocks = structuredClone(doc.blocks);
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
  const pick = () => paragraphs[Math.floor(random() * paragraphs.length)];
  for (let t = 0; t < 200; t++) {
    pick().runs.unshift({ text: `“Bench Term ${t}” means ` });
    pick().runs.push({ text: ` The Bench Term ${t} applies.` });
  }
  for (let r = 0; r < 500; r++) {
    const target = outline[Math.floor(random() * outline.length)];
    pick().runs.push({ text: ` See Section ${target.number}.` });
  }
  return { ...doc, blocks };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
