import { readHtmlFragment } from '../../shared/import/html';
import { mergeRuns } from '../../shared/format/normalize';
import type { Block, Run } from '../../shared/model/document';
import { MAX_HEADING_LEVEL, MAX_LIST_INDENT, stripForbiddenCharacters } from '../../shared/model/vocabulary';
import { newSectionId } from '../../shared/model/ids';
import { safeLink } from '../../shared/model/link';
import type { RawRun } from '../../shared/import/raw';
import { blocksToSlate } from './convert';
import type { BlockElement } from './types';

/**
 * Pasted HTML (from Word, a browser, an email) becomes document blocks through the importer's untrusted-HTML reader:
 * headings, paragraphs and list items with bold, italic, underline and safe links. Nothing else of the HTML survives:
 * no markup, no scripts, no styles, no images. Loaded on the first rich paste, so the editor's bundle stays small.
 */
export function htmlToFragment(html: string): BlockElement[] {
  const blocks: Block[] = [];
  for (const paragraph of readHtmlFragment(html)) {
    const runs = mergeRuns(paragraph.runs.map(toRun));
    if (paragraph.headingLevel) {
      blocks.push({ kind: 'heading', id: newSectionId(), level: Math.min(MAX_HEADING_LEVEL, Math.max(1, paragraph.headingLevel)), runs });
    } else if (paragraph.list) {
      blocks.push({ kind: 'list-item', list: paragraph.list.kind, indent: Math.min(MAX_LIST_INDENT, paragraph.list.indent), runs });
    } else {
      blocks.push({ kind: 'paragraph', runs });
    }
  }
  return blocksToSlate(blocks);
}

function toRun(raw: RawRun): Run {
  const run: Run = { text: stripForbiddenCharacters(raw.text) };
  if (raw.marks && raw.marks.length > 0) run.marks = [...raw.marks];
  // The reader checked it already; checked again here so that no path into the editor skips the one link check.
  const link = safeLink(raw.link);
  if (link !== null) run.link = link;
  return run;
}
