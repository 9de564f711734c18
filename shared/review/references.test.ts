import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../model/document';
import { exportDocx } from '../export/docx';
import { importDocument } from '../import/index';
import { referringPolicy } from '../testing/reference-documents';
import { suggestDifference } from './suggest-difference';
import { acceptAll } from './resolve';
import { blockSuggestions, runSuggestions } from './suggestions';
import { allRuns } from '../model/block-runs';
const runsOf = (block: Parameters<typeof allRuns>[0] | undefined) => (block ? allRuns(block) : []);

/** Import as suggestions with cross-references: the file's references point at its own new section ids. */

const mark = { by: 'Ben', at: '2026-11-02T10:00:00Z' };
const count = (doc: PolicyDocument) => doc.blocks.reduce((n, block) => n + blockSuggestions(block).length + allRuns(block).reduce((k, run) => k + runSuggestions(run).length, 0), 0);
/** The referring policy without its reference to a deleted section (Word gets that one as the text "[missing section]"). */
const live = (): PolicyDocument => {
  const doc = referringPolicy();
  return { ...doc, blocks: doc.blocks.filter((block) => !allRuns(block).some((run) => run.ref === 's-gone0001')) };
};
let next = 0;
const newId = () => `sg-${++next}`;

describe('suggestDifference: cross-references', () => {
  it('finds nothing to suggest in our own Word export read back, references included', async () => {
    const base = live();
    const back = await importDocument('returned.docx', await exportDocx(base));
    expect(back.blocks.some((block) => allRuns(block).some((run) => run.ref !== undefined))).toBe(true);
    expect(count(suggestDifference(base, back, mark, newId))).toBe(0);
  });

  it('suggests a reference the reviewer pointed at another section, pointing at the base’s section', async () => {
    const base = live();
    const edited = { ...base, blocks: base.blocks.map((block, i) => (i === 6 ? { ...block, runs: allRuns(block).map((run) => (run.ref ? { ...run, ref: 's-who00001', text: '{{ref:s-who00001}}' } : run)) } : block)) };
    const back = await importDocument('returned.docx', await exportDocx(edited));
    const suggested = suggestDifference(base, back, mark, newId);
    expect(count(suggested)).toBe(2);
    const accepted = runsOf(acceptAll(suggested).blocks[6]).filter((run) => run.ref !== undefined);
    expect(accepted?.map((run) => run.ref)).toEqual(['s-who00001']);
  });
});
