/**
 * A block's text as find sees it (shared/find: runs joined, a variable or a cross-reference as one VARIABLE_MARK), and the way back from an
 * offset in that text to a point in Slate. Slate's blocks are immutable, so a block's text is kept beside the block
 * itself: after an edit only the edited block is read again, however long the document.
 */
import { Element, Text, type BasePoint, type BaseRange, type Descendant, type Path } from 'slate';
import { VARIABLE_MARK, type TextMatch } from '../../shared/find/find';
import type { BlockElement } from '../editor/types';

const texts = new WeakMap<object, string>();

export function blockText(block: BlockElement): string {
  let text = texts.get(block);
  if (text === undefined) {
    text = inlineText(block.children);
    texts.set(block, text);
  }
  return text;
}

function inlineText(children: readonly Descendant[]): string {
  let text = '';
  for (const child of children) {
    if (Text.isText(child)) text += child.text;
    else if (Element.isElement(child)) text += child.type === 'variable' || child.type === 'reference' ? VARIABLE_MARK : inlineText(child.children);
  }
  return text;
}

/**
 * The Slate point at `offset` in block `index`'s text. At the edge between two texts, a start takes the later one and
 * an end the earlier, so a range stays inside the texts it covers. A match never takes in a variable, so neither end
 * falls inside one.
 */
export function pointAt(block: BlockElement, index: number, offset: number, edge: 'start' | 'end'): BasePoint {
  let before = 0;
  let last: BasePoint = { path: [index, 0], offset: 0 };
  let found: BasePoint | null = null;
  const walk = (children: readonly Descendant[], path: Path) => {
    children.forEach((child, i) => {
      if (found) return;
      const at = [...path, i];
      if (Text.isText(child)) {
        const end = before + child.text.length;
        last = { path: at, offset: child.text.length };
        if (edge === 'start' ? offset < end : offset <= end) found = { path: at, offset: offset - before };
        before = end;
      } else if (Element.isElement(child)) {
        if (child.type === 'variable' || child.type === 'reference') before += VARIABLE_MARK.length;
        else walk(child.children, at);
      }
    });
  };
  walk(block.children, [index]);
  return found ?? last;
}

/** A match as a Slate range in its block. */
export function rangeOf(block: BlockElement, match: TextMatch): BaseRange {
  return { anchor: pointAt(block, match.block, match.start, 'start'), focus: pointAt(block, match.block, match.end, 'end') };
}
