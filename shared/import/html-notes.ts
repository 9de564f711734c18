import type { DefaultTreeAdapterTypes } from 'parse5';
import type { RawRun } from './raw';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Footnotes in HTML, as our HTML export, pandoc, mammoth and most sites write them: a link to "#id" that is a note's
 * mark — inside a <sup>, holding only a <sup>, or saying so (role="doc-noteref", class "footnote-ref") — leading to an
 * <li> (or an element with role doc-footnote / doc-endnote) that holds the note's text. The links back from the note
 * to its mark ("↩", "↑") are no part of the note.
 */
export interface HtmlNotes {
  /** Each mark's link element, with the id of its note. */
  readonly marks: ReadonlyMap<Element, string>;
  /** Each note's element, with the runs the reader fills with its text (the same array for every mark of it). */
  readonly notes: ReadonlyMap<Element, RawRun[]>;
  readonly runsOf: ReadonlyMap<string, RawRun[]>;
  /** Ids of the marks (and the <sup> around them): a link to one of them is a way back, not text. */
  readonly backTargets: ReadonlySet<string>;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const classes = (el: Element) => (attr(el, 'class') ?? '').toLowerCase().split(/\s+/);

function isMark(a: Element, inSup: boolean): boolean {
  if (inSup || attr(a, 'role') === 'doc-noteref' || classes(a).some((c) => c === 'footnote-ref' || c === 'noteref')) return true;
  const elements = a.childNodes.filter((n): n is Element => 'tagName' in n);
  const text = a.childNodes.some((n) => n.nodeName === '#text' && (n as DefaultTreeAdapterTypes.TextNode).value.trim() !== '');
  return !text && elements.length === 1 && elements[0]?.tagName === 'sup';
}

function isNoteElement(el: Element): boolean {
  const role = attr(el, 'role');
  return el.tagName === 'li' || role === 'doc-footnote' || role === 'doc-endnote';
}

/** The notes of a parsed page, or null when it has none (the reader then does no more than before). */
export function findNotes(root: Node): HtmlNotes | null {
  const byId = new Map<string, Element>();
  const candidates: Array<{ a: Element; target: string; ids: string[] }> = [];
  const stack: Array<{ node: Node; inSup: boolean; sup: Element | undefined }> = [{ node: root, inSup: false, sup: undefined }];
  while (stack.length > 0) {
    const { node, inSup, sup } = stack.pop() as { node: Node; inSup: boolean; sup: Element | undefined };
    if (!('childNodes' in node)) continue;
    let below = inSup;
    let supAround = sup;
    if ('tagName' in node) {
      const el = node as Element;
      const id = attr(el, 'id');
      if (id && !byId.has(id)) byId.set(id, el);
      if (el.tagName === 'sup') {
        below = true;
        supAround = el;
      }
      const href = attr(el, 'href') ?? '';
      if (el.tagName === 'a' && href.startsWith('#') && href.length > 1 && isMark(el, inSup)) {
        const ids = [attr(el, 'id'), inSup ? attr(supAround as Element, 'id') : undefined].filter((x): x is string => !!x);
        candidates.push({ a: el, target: href.slice(1), ids });
      }
    }
    for (const child of node.childNodes) stack.push({ node: child, inSup: below, sup: supAround });
  }
  const marks = new Map<Element, string>();
  const notes = new Map<Element, RawRun[]>();
  const runsOf = new Map<string, RawRun[]>();
  const backTargets = new Set<string>();
  for (const { a, target, ids } of candidates) {
    const note = byId.get(target);
    if (!note || !isNoteElement(note)) continue;
    let runs = runsOf.get(target);
    if (!runs) {
      runs = [];
      runsOf.set(target, runs);
      notes.set(note, runs);
    }
    marks.set(a, target);
    for (const id of ids) backTargets.add(id);
  }
  return marks.size === 0 ? null : { marks, notes, runsOf, backTargets };
}
