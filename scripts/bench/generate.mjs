// Generates the benchmark document: 2,000 sections and about 100,000 words, the same for every run of one seed.
// The document is built here and checked and written by the app's own model code (shared/), bundled on the fly.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { loadShared } from './load-shared.mjs';
import { addReviewMarks } from './review-marks.mjs';


export const DOCUMENT_ID = 'bench-master-agreement';

/** The app's own model code (zod included), and the tests' seeded generator. */
function loadSharedModel() {
  return loadShared([
    "export { PolicyDocumentSchema, ProjectManifestSchema, FORMAT_VERSION, MANIFEST_FORMAT_VERSION } from './shared/model/document';",
    "export { serializeDocument, serializeManifest } from './shared/format/serialize';",
    "export { seeded } from './shared/testing/seeded-random';",
  ]);
}

const BODY_WORDS = `the supplier customer company processor controller shall may must not any all each such other
party parties agreement services data personal information obligations rights subject to under in accordance with
this clause section schedule applicable law regulation without undue delay reasonable written notice consent
request provide ensure maintain appropriate technical organisational measures confidentiality security integrity
availability processing purposes legitimate interests retention period records audit inspection breach incident
notification authority supervisory third country transfer safeguards contractual standard terms liability indemnity
limitation damages losses costs expenses arising from connection with performance termination expiry effect
continue survive force majeure event circumstances beyond control including but limited employees contractors
agents subcontractors affiliates successors assigns business days calendar month year period commencing date
effective renewal fees charges invoice payment due within thirty days receipt dispute resolution governing
jurisdiction courts England Wales exclusive non-exclusive licence intellectual property ownership materials
deliverables warranty representation statement accuracy completeness policy procedure training awareness staff
access control authentication encryption storage deletion return copies upon request instructions documented
lawful basis individuals data subjects exercise their access rectification erasure restriction portability
objection automated decision-making profiling assessment impact risk mitigation review annually updated version`
  .split(/\s+/)
  .filter(Boolean);

const HEADING_WORDS = `Definitions Interpretation Scope Application Services Obligations Customer Supplier Data
Protection Processing Security Measures Confidentiality Retention Deletion Audit Rights Breach Notification
Transfers Subprocessors Liability Indemnity Insurance Term Termination Effects Fees Payment Invoicing Disputes
Governing Law Jurisdiction Notices Assignment Subcontracting Force Majeure Warranties Representations Intellectual
Property Licences Records Training Access Control Encryption Incidents Reporting Review Amendments Variation Waiver
Severance Entire Agreement Compliance Anti-Bribery Modern Slavery Sanctions Export Controls Business Continuity
Disaster Recovery Personnel Background Checks Cooperation Assistance Requests Complaints Remedies Exclusions`
  .split(/\s+/)
  .filter(Boolean);

const DEFINED_TERMS = [
  'Personal Data', 'Controller', 'Processor', 'Sub-processor', 'Data Subject', 'Security Incident', 'Services',
  'Business Day', 'Confidential Information', 'Applicable Law', 'Supervisory Authority', 'Restricted Transfer',
];

export const SECTIONS = 2000;
export const TARGET_WORDS = 100_000;
/** The section the bench types into: its body paragraph is the block right after its heading. */
export const TARGET_SECTION = 1000;
/** Cross-references stored in the body (issue 20 measures typing and the checker with 500 of them). */
export const REFERENCES = 500;

/**
 * Builds the document from a seeded random source. Every section is a heading (levels 1–3, in a valid outline) and
 * a body paragraph; about one section in eight also has a short list; about one paragraph in six opens with a bold
 * defined term. Each section gets a word budget so that the whole comes to about TARGET_WORDS.
 */
export function buildDocument(random, { sections = SECTIONS, words: wordBudget = TARGET_WORDS, target = TARGET_SECTION, references = REFERENCES } = {}) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = (n) => {
    const words = Array.from({ length: n }, () => pick(BODY_WORDS));
    words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  /** About n words as sentences of 8 to 24 words. */
  const prose = (n) => {
    const parts = [];
    let left = n;
    while (left > 0) {
      const len = left < 32 ? left : int(8, 24);
      parts.push(sentence(len));
      left -= len;
    }
    return parts.join(' ');
  };

  const ids = new Set();
  const newId = () => {
    for (;;) {
      let id = 's-';
      for (let i = 0; i < 10; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  };

  const perSection = wordBudget / sections;
  const blocks = [];
  const headingIds = [];
  let level = 1;
  for (let s = 0; s < sections; s++) {
    if (s > 0) {
      const r = random();
      if (r < 0.07) level = 1;
      else if (level === 1) level = 2;
      else if (level === 2) level = r < 0.6 ? 2 : 3;
      else level = r < 0.55 ? 3 : 2;
    }
    const titleWords = Array.from({ length: int(2, 5) }, () => pick(HEADING_WORDS));
    const id = newId();
    headingIds.push(id);
    blocks.push({ kind: 'heading', id, level, runs: [{ text: titleWords.join(' ') }] });

    let budget = Math.max(12, Math.round(perSection - titleWords.length + int(-14, 14)));
    const hasList = s !== target && random() < 0.125;
    const items = hasList ? int(2, 4) : 0;
    const itemWords = items ? Array.from({ length: items }, () => int(7, 14)) : [];
    budget -= itemWords.reduce((a, b) => a + b, 0);
    budget = Math.max(10, budget);

    if (random() < 1 / 6) {
      const term = pick(DEFINED_TERMS);
      const rest = prose(Math.max(4, budget - term.split(' ').length - 1));
      blocks.push({ kind: 'paragraph', runs: [{ text: term, marks: ['bold'] }, { text: ` means ${rest.charAt(0).toLowerCase()}${rest.slice(1)}` }] });
    } else {
      blocks.push({ kind: 'paragraph', runs: [{ text: prose(budget) }] });
    }
    if (items) {
      const list = random() < 0.5 ? 'bullet' : 'number';
      itemWords.forEach((n, i) => {
        blocks.push({ kind: 'list-item', list, indent: i > 0 && random() < 0.25 ? 1 : 0, runs: [{ text: prose(n) }] });
      });
    }
  }

  addReferences(blocks, headingIds, headingIds[target], references, random);

  const doc = {
    format: 1,
    title: 'Master Services and Data Processing Agreement (Benchmark)',
    effectiveDate: '2026-01-01',
    lastUpdated: '2026-06-30',
    versionLabel: 'bench',
    owner: 'Benchmark',
    numbering: 'decimal',
    blocks,
  };
  const words = blocks.reduce((n, b) => n + b.runs.reduce((m, r) => m + r.text.split(/\s+/).filter(Boolean).length, 0), 0);
  return {
    doc,
    words,
    firstHeadingId: headingIds[0],
    lastHeadingId: headingIds[headingIds.length - 1],
    targetHeadingId: headingIds[target],
  };
}

/**
 * Stored cross-references ("As Section 4.2 provides, …") at the start of `count` plain body paragraphs, each to a
 * section picked at random; the section typed into is left as it is. They are placed after the text is made, from
 * the same random source, so documents built without them are built as before.
 */
function addReferences(blocks, headingIds, targetId, count, random) {
  const plain = [];
  let inTarget = false;
  for (const block of blocks) {
    if (block.kind === 'heading') inTarget = block.id === targetId;
    else if (!inTarget && block.kind === 'paragraph' && block.runs.length === 1) plain.push(block);
  }
  for (let k = 0; k < count && plain.length > 0; k++) {
    const block = plain.splice(Math.floor(random() * plain.length), 1)[0];
    const section = headingIds[Math.floor(random() * headingIds.length)];
    const text = block.runs[0].text;
    block.runs = [
      { text: 'As Section ' },
      { text: `{{ref:${section}}}`, ref: section },
      { text: ` provides, ${text.charAt(0).toLowerCase()}${text.slice(1)}` },
    ];
  }
}

/**
 * Writes a project folder (manifest + one document) and returns what the measurements need to know about it. With
 * `review`, the same document carries open suggestions and comment threads (scripts/bench/review-marks.mjs); `size`
 * ({ sections, words, target }) makes another size of it (the 1M-word document), typed into at section `target`.
 */
export async function writeBenchProject(dir, seed, { review = false, size = {} } = {}) {
  const model = await loadSharedModel();
  const built = buildDocument(model.seeded(seed), size);
  if (review) {
    addReviewMarks(built.doc, model.seeded(seed + 1), { keepClean: built.targetHeadingId });
    built.doc.format = model.FORMAT_VERSION;
  }
  const doc = model.PolicyDocumentSchema.parse(built.doc);
  const manifest = model.ProjectManifestSchema.parse({ format: model.MANIFEST_FORMAT_VERSION, name: 'Benchmark', documents: [DOCUMENT_ID] });
  const documentFile = path.join(dir, 'documents', `${DOCUMENT_ID}.policy.json`);
  await fs.mkdir(path.dirname(documentFile), { recursive: true });
  await fs.writeFile(documentFile, model.serializeDocument(doc));
  await fs.writeFile(path.join(dir, 'policywright.json'), model.serializeManifest(manifest));
  const counts = { heading: 0, paragraph: 0, 'list-item': 0 };
  for (const b of doc.blocks) counts[b.kind]++;
  const levels = [1, 2, 3].map((l) => doc.blocks.filter((b) => b.kind === 'heading' && b.level === l).length);
  return {
    documentFile,
    suggestions: new Set(doc.blocks.flatMap((b) => [b.change?.id, ...b.runs.flatMap((r) => [r.ins?.id, r.del?.id, r.formatted?.id])]).filter(Boolean)).size,
    comments: doc.comments?.length ?? 0,
    words: built.words,
    blocks: doc.blocks.length,
    counts,
    levels,
    bytes: (await fs.stat(documentFile)).size,
    firstHeadingId: built.firstHeadingId,
    lastHeadingId: built.lastHeadingId,
    targetHeadingId: built.targetHeadingId,
  };
}
