import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { occurrencesOf } from '../../shared/check/terms';
import type { FeatureHost } from '../editor/editor-feature';
import { scrollBlockToTop } from '../editor/scrolling';
import type { BlockElement } from '../editor/types';
import { blockText, rangeOf } from '../find/block-text';

/**
 * Selects a term's occurrence number `ordinal` (shared/check/terms.ts counts them in the document's order) and brings
 * it into view. The page's blocks are counted again rather than trusted by index: the person may have typed since the
 * Terms panel last read the document. False when the document no longer has that many.
 */
export function jumpToTerm(host: FeatureHost, term: string, ordinal: number): boolean {
  const editor = host.editor;
  host.tools.renderNow();
  let seen = 0;
  const blocks = editor.children as BlockElement[];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as BlockElement;
    const found = occurrencesOf([blockText(block)], [term]).get(term) ?? [];
    if (seen + found.length <= ordinal) {
      seen += found.length;
      continue;
    }
    const occurrence = found[ordinal - seen];
    if (!occurrence) return false;
    host.tools.drawAll();
    const range = rangeOf(block, { block: index, start: occurrence.start, end: occurrence.end });
    Transforms.select(editor, range);
    try {
      scrollBlockToTop(ReactEditor.toDOMNode(editor, block));
      ReactEditor.focus(editor);
    } catch {
      // The editor is closing: the selection is set, there is nothing to show.
    }
    return true;
  }
  return false;
}
