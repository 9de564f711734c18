import { termAt } from '../../shared/check/terms';
import type { TermIndex } from './term-index';

/** The longest definition a tooltip shows; the Terms panel has the whole. */
const MAX_SHOWN = 320;

/**
 * Shows a defined term's definition while the pointer rests on one of its uses in the page. One delegated listener on
 * the page, nothing drawn into the text: the word under the pointer is found from the point (at most once a frame),
 * and looked up among the terms by its first word. Typing costs nothing here.
 */
export function attachTermHover(root: HTMLElement, index: TermIndex): () => void {
  const tip = document.createElement('div');
  tip.className = 'term-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  let frame = 0;
  let last: { x: number; y: number; target: EventTarget | null } | null = null;
  let shown: { node: Text; start: number; term: string } | null = null;

  const hide = () => {
    // Every key calls this: setting the attribute again, even to what it is, costs the page a style recalculation.
    if (!tip.hidden) tip.hidden = true;
    shown = null;
  };
  const update = () => {
    frame = 0;
    if (!last) return;
    const at = textAt(last.x, last.y);
    if (!at || !(last.target instanceof Node) || !last.target.contains(at.node) || !root.contains(at.node)) return hide();
    // Over a word's last letter the caret lands after it: the letter before counts too.
    const found = termAt(at.node.data, at.offset, index.firstWordMap()) ?? (at.offset > 0 ? termAt(at.node.data, at.offset - 1, index.firstWordMap()) : null);
    const term = found && index.lookup(found.term);
    if (!found || !term) return hide();
    // The pointer must be over the word itself, not beside the line's end where the caret lands too.
    const range = document.createRange();
    range.setStart(at.node, found.start);
    range.setEnd(at.node, Math.min(found.end, at.node.data.length));
    const box = range.getBoundingClientRect();
    if (last.x < box.left - 1 || last.x > box.right + 1 || last.y < box.top - 1 || last.y > box.bottom + 1) return hide();
    if (shown && shown.node === at.node && shown.start === found.start && shown.term === term.term) return;
    shown = { node: at.node, start: found.start, term: term.term };
    const where = term.definedAt ? (term.definedAt.sectionNumber ? `Defined in ${term.definedAt.sectionNumber} ${term.definedAt.sectionTitle}` : 'Defined in the opening text') : '';
    const definition = term.definition.length > MAX_SHOWN ? `${term.definition.slice(0, MAX_SHOWN - 1)}…` : term.definition;
    tip.replaceChildren(strong(term.term), document.createTextNode(` ${definition}`), ...(where ? [small(where)] : []));
    tip.hidden = false;
    const width = Math.min(360, window.innerWidth - 16);
    tip.style.maxWidth = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
    const below = box.bottom + 6;
    tip.style.top = `${below + tip.offsetHeight > window.innerHeight ? Math.max(8, box.top - tip.offsetHeight - 6) : below}px`;
  };
  const onMove = (event: MouseEvent) => {
    last = { x: event.clientX, y: event.clientY, target: event.target };
    if (!frame) frame = requestAnimationFrame(update);
  };
  const onEnter = () => index.pointerIsOver(true);
  const onLeave = () => {
    index.pointerIsOver(false);
    last = null;
    hide();
  };
  root.addEventListener('mousemove', onMove, { passive: true });
  root.addEventListener('mouseenter', onEnter);
  root.addEventListener('mouseleave', onLeave);
  // A key or a scroll moves the words from under the tooltip.
  root.addEventListener('keydown', hide, { capture: true });
  const scroller = root.closest('.page-scroll');
  scroller?.addEventListener('scroll', hide, { passive: true });
  return () => {
    cancelAnimationFrame(frame);
    root.removeEventListener('mousemove', onMove);
    root.removeEventListener('mouseenter', onEnter);
    root.removeEventListener('mouseleave', onLeave);
    root.removeEventListener('keydown', hide, { capture: true });
    scroller?.removeEventListener('scroll', hide);
    tip.remove();
  };
}

/** The text node and offset under a point: Chromium's caretRangeFromPoint, or the standard caretPositionFromPoint. */
function textAt(x: number, y: number): { node: Text; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return position.offsetNode instanceof Text ? { node: position.offsetNode, offset: position.offset } : null;
  const range = document.caretRangeFromPoint?.(x, y);
  return range && range.startContainer instanceof Text ? { node: range.startContainer, offset: range.startOffset } : null;
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

function small(text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'term-tooltip-where';
  element.textContent = text;
  return element;
}
