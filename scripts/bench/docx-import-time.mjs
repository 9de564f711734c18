// `node scripts/bench/docx-import-time.mjs [runs] [--reviewed]`: the DOCX import alone, on the bench's generated
// 2,000-section document as exportDocx writes it, beside mammoth.convertToHtml alone on the same bytes, alternating in
// one process: wall and CPU time (this process's) medians after one warm-up. For a busy machine, where the CPU time
// says more than the wall clock; `npm run bench` gives the row itself (import.docx.100k.ms, scripts/bench/exports.mjs).
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectGarbage, median } from './exports.mjs';
import { writeBenchProject } from './generate.mjs';
import { loadShared } from './load-shared.mjs';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
const reviewed = process.argv.includes('--reviewed');
const shared = await loadShared([
  "export { exportDocx } from './shared/export/docx';",
  "export { importDocument } from './shared/import/index';",
  "export { parseFile } from './shared/format/parse';",
  "export { PolicyDocumentSchema } from './shared/model/document';",
  "export { withReview } from './shared/testing/review-docx';",
  "export { default as mammoth } from 'mammoth';",
]);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-docx-import-'));
try {
  const generated = await writeBenchProject(dir, 1);
  const doc = shared.parseFile(shared.PolicyDocumentSchema, await fs.readFile(generated.documentFile, 'utf8'), 'bench.policy.json');
  let bytes = await shared.exportDocx(doc);
  if (reviewed) bytes = (await shared.withReview(bytes)).bytes;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const measured = { importDocument: { wall: [], cpu: [] }, 'mammoth alone': { wall: [], cpu: [] } };
  const calls = { importDocument: () => shared.importDocument('bench.docx', bytes), 'mammoth alone': () => shared.mammoth.convertToHtml({ buffer }) };
  let headings = 0;
  for (let i = 0; i <= runs; i++) {
    for (const [name, call] of Object.entries(calls)) {
      collectGarbage();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await call();
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (i === 0) continue; // the warm-up
      measured[name].wall.push(wall);
      measured[name].cpu.push((used.user + used.system) / 1000);
      if (name === 'importDocument') headings = result.blocks.filter((b) => b.kind === 'heading').length;
    }
  }
  console.log(`${(bytes.length / 1024).toFixed(0)} KB${reviewed ? ' (with tracked changes and comments)' : ''}, ${headings} headings imported; ${runs} runs each, load average ${os.loadavg()[0].toFixed(1)}`);
  for (const [name, { wall, cpu }] of Object.entries(measured)) {
    console.log(`  ${name.padEnd(15)} wall median ${median(wall).toFixed(0).padStart(5)} ms, CPU median ${median(cpu).toFixed(0).padStart(5)} ms  (wall ${wall.map(Math.round).join(', ')})`);
  }
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
