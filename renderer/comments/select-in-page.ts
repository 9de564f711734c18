import { Editor, Transforms, type Range } from 'slate';
import { ReactEditor } from 'slate-react';
import type { FeatureHost } from '../editor/editor-feature';
import { scrollBlockToTop } from '../editor/scrolling';
import type { BlockElement } from '../editor/types';
import { carriesComment, carriesSuggestionId, headingIndex, rangeOf } from './comment-commands';

/** Selects a range of the text and shows it: the review list's jump to what an entry is about. */
function selectRange(host: FeatureHost, range: Range): void {
  const { editor } = host;
  // The block may be in a part of the page not drawn yet (chunk-mounter.ts).
  host.tools.drawAll();
  const block = editor.children[range.anchor.path[0] ?? 0] as BlockElement | undefined;
  if (block) scrollBlockToTop(ReactEditor.toDOMNode(editor, block));
  Transforms.select(editor, range);
  ReactEditor.focus(editor);
}

/** Selects the text a thread is about, or shows its section's heading; false when neither is in the page. */
export function selectThread(host: FeatureHost, id: string, section: string | undefined, hint: number | null): boolean {
  const range = rangeOf(host.editor, carriesComment(id), hint);
  if (range) {
    selectRange(host, range);
    return true;
  }
  if (section !== undefined && headingIndex(host.editor, section) >= 0) {
    const index = headingIndex(host.editor, section);
    selectRange(host, { anchor: Editor.start(host.editor, [index]), focus: Editor.end(host.editor, [index]) });
    return true;
  }
  return false;
}

/** Selects the text a suggestion marks, or, for one that marks only its block (a level change), the block. */
export function selectSuggestion(host: FeatureHost, id: string, block: number): void {
  const range = rangeOf(host.editor, carriesSuggestionId(id), block);
  if (range) return selectRange(host, range);
  if (block < host.editor.children.length) selectRange(host, { anchor: Editor.start(host.editor, [block]), focus: Editor.end(host.editor, [block]) });
}
