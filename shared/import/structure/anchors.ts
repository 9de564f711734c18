import type { Block, Run } from '../../model/document';
import { allRuns, mapRunLists } from '../../model/block-runs';
import { referencePlaceholder } from '../../model/vocabulary';
import { mergeRuns } from '../../format/normalize';
import type { Line } from './types';

/**
 * Links within the document (runs whose link is "#id", from raw.ts anchors) made final: one that leads to a section's
 * heading (by the heading's own id or a bookmark in it, as our HTML, Markdown and DOCX exports write them) becomes a
 * cross-reference to that section; any other loses its link and keeps its text. `lines` are those buildBlocks read:
 * its headings are their heading lines, in the same order.
 */
export function linkAnchors(blocks: Block[], lines: readonly Line[]): Block[] {
  if (!blocks.some((block) => allRuns(block).some(isAnchor))) return blocks;
  const headingLines = lines.filter((line) => line.role?.kind === 'heading');
  const sectionOf = new Map<string, string>();
  const titles = new Map<string, string>();
  let h = 0;
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    titles.set(block.id, block.runs.map((run) => run.text).join('').trim());
    for (const anchor of headingLines[h++]?.raw.anchors ?? []) if (!sectionOf.has(anchor) && !NOTE_ID.test(anchor)) sectionOf.set(anchor, block.id);
  }
  // A link dropped leaves its text beside text of the same formatting: joined again, as the readers join runs.
  // (in every list of runs of a block: a table's cells and caption too)
  return blocks.map((block) =>
    mapRunLists(block, (runs) => (runs.some(isAnchor) ? joinAround(withTitles(runs.map((run) => settle(run, block, sectionOf)), titles)) : runs)),
  );
}

/** mergeRuns, with a footnote's mark kept whole between the stretches it joins. */
function joinAround(runs: Run[]): Run[] {
  if (!runs.some((run) => run.note !== undefined)) return mergeRuns(runs);
  const out: Run[] = [];
  let stretch: Run[] = [];
  for (const run of runs) {
    if (run.note === undefined) {
      stretch.push(run);
      continue;
    }
    out.push(...mergeRuns(stretch), run);
    stretch = [];
  }
  return [...out, ...mergeRuns(stretch)];
}

/**
 * A reference followed by its section's title in brackets ("4.2 (Security)": Word writes the title as a field of
 * its own, which comes in as text) is a reference that shows its title.
 */
function withTitles(runs: Run[], titles: ReadonlyMap<string, string>): Run[] {
  const out: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const next = runs[i + 1];
    const title = run.ref === undefined ? undefined : titles.get(run.ref);
    const bracketed = title ? ` (${title})` : undefined;
    if (run.ref !== undefined && !run.refTitle && bracketed && next && next.ref === undefined && next.text.startsWith(bracketed)) {
      out.push({ ...run, refTitle: true });
      const rest = next.text.slice(bracketed.length);
      if (rest !== '') out.push({ ...next, text: rest });
      i++;
      continue;
    }
    out.push(run);
  }
  return out;
}

/** The ids mammoth gives a footnote or endnote and its marker: a note's "[1]" is a note, never a cross-reference. */
const NOTE_ID = /^(?:footnote|endnote)(?:-ref)?-\d+$/;

const isAnchor = (run: Run): boolean => run.link?.startsWith('#') === true;

function settle(run: Run, block: Block, sectionOf: ReadonlyMap<string, string>): Run {
  if (!isAnchor(run)) return run;
  const { link, ...rest } = run;
  const section = sectionOf.get((link ?? '').slice(1));
  // A heading's own words stay text: a section does not refer to itself from its title.
  if (section === undefined || block.kind === 'heading') return rest;
  // The HTML and Markdown exports link a reference's whole text, its title in brackets included.
  return { ...rest, text: referencePlaceholder(section), ref: section, ...(/\S \(.+\)$/u.test(run.text) ? { refTitle: true as const } : {}) };
}
