import type { Block, Run } from '../model/document';
import type { ReferenceTargets } from '../model/reference-text';
import { runsToPlainText } from '../model/text';
import { NO_VARIABLES, resolveBlocks } from '../model/variables';
import { sectionText } from './section-text';
import type { FileConflict } from './merge-files';

/** One conflict as a person reads it: where it is, and a short text of each side there. */
export interface ConflictSummary {
  readonly where: string;
  readonly mine: string;
  readonly theirs: string;
}

/** Long enough to tell the sides apart, short enough for a dialog line. */
const MAX_CHARS = 160;

/** Each side's sections by id, so that a cross-reference reads as the number it has on that side, not its placeholder. */
export interface SideTargets {
  readonly mine?: ReferenceTargets;
  readonly theirs?: ReferenceTargets;
}

/** The conflicts of one file, in words: for a section its title (or id), then what each side has there. */
export function describeConflicts(conflicts: readonly FileConflict[], targets: SideTargets = {}): ConflictSummary[] {
  return conflicts.map((conflict) => describeConflict(conflict, targets));
}

function describeConflict(conflict: FileConflict, targets: SideTargets): ConflictSummary {
  switch (conflict.kind) {
    case 'both-edited':
    case 'deleted-by-me':
    case 'deleted-by-them':
    case 'both-added': {
      // The title both started from names the place best; a section new on both sides has none.
      const title = headingOf(conflict.base) ?? headingOf(conflict.mine) ?? headingOf(conflict.theirs);
      const where = conflict.key === 'preamble' ? 'The text before the first section' : `Section “${title ?? conflict.key}”`;
      // Only the blocks that differ say what the conflict is; the rest of the section is the same on both sides.
      const read = (blocks: readonly Block[] | null, side?: ReferenceTargets) => (blocks && side ? resolveBlocks(blocks, NO_VARIABLES, side) : blocks);
      const [mine, theirs] = differingBlocks(read(conflict.mine, targets.mine), read(conflict.theirs, targets.theirs));
      return { where, mine: mine ?? 'deleted', theirs: theirs ?? 'deleted' };
    }
    case 'order':
      return { where: 'The order of the sections', mine: conflict.mine.join(', '), theirs: conflict.theirs.join(', ') };
    case 'detail':
    case 'value': {
      const name = conflict.kind === 'detail' ? conflict.field : conflict.name;
      return { where: `The ${name}`, mine: shorten(conflict.mine ?? 'none'), theirs: shorten(conflict.theirs ?? 'none') };
    }
    case 'note': {
      // A footnote has no number of its own (it is counted from its place): its first words name it.
      const text = (runs: readonly Run[] | null) => (runs === null ? null : runsToPlainText(runs));
      const name = shorten(text(conflict.base) ?? text(conflict.mine) ?? conflict.id).slice(0, 40);
      return { where: `The footnote “${name}”`, mine: shorten(text(conflict.mine) ?? 'deleted'), theirs: shorten(text(conflict.theirs) ?? 'deleted') };
    }
    case 'whole-file':
      return { where: 'The whole file', mine: conflict.mine === null ? 'deleted' : 'changed', theirs: conflict.theirs === null ? 'deleted' : 'changed' };
  }
}

function headingOf(blocks: readonly Block[] | null): string | null {
  const first = blocks?.[0];
  return first && first.kind === 'heading' ? runsToPlainText(first.runs) : null;
}

function differingBlocks(mine: readonly Block[] | null, theirs: readonly Block[] | null): [string | null, string | null] {
  // a block's text as the conflict's text area shows it (a table's rows with its cells between " | ")
  const blockText = (block: Block) => sectionText([block]);
  if (mine === null || theirs === null) return [mine && shorten(mine.map(blockText).join(' ')), theirs && shorten(theirs.map(blockText).join(' '))];
  const mineTexts = mine.map(blockText);
  const theirTexts = theirs.map(blockText);
  const onlyMine = mineTexts.filter((text) => !theirTexts.includes(text));
  const onlyTheirs = theirTexts.filter((text) => !mineTexts.includes(text));
  return [shorten(onlyMine.join(' ') || '(the same text)'), shorten(onlyTheirs.join(' ') || '(the same text)')];
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_CHARS ? flat : `${flat.slice(0, MAX_CHARS - 1)}…`;
}
