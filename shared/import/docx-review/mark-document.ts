import type { Mark } from '../../model/vocabulary';
import { sentinel } from './sentinels';

/*
 * document.xml rewritten so mammoth keeps what a reviewer did, as sentinels (sentinels.ts) in the text: insertions,
 * deletions (w:delText becomes text mammoth reads), moves, format changes (w:rPrChange) and comment ranges. The
 * wrappers mammoth would read or drop (w:ins, w:del, w:moveFrom, w:moveTo, w:rPrChange, the revision marks of
 * paragraph marks and table rows) are taken out, so mammoth sees every paragraph and run of the text as it stood
 * with all changes shown, and merges no paragraph whose mark was deleted. The text says nothing of the changes then:
 * the states table does, and shared/import/docx-review/apply.ts puts them back on the runs the import made.
 *
 * A tokenizer, not an XML parser: the archive has been checked (zip.ts refuses a DOCTYPE), and mammoth parses the
 * result for real. Tags and text are copied as they are except the ones named above.
 */

/** A revision as Word records it: its kind, w:id, author and date (raw), and for moves the move's name. */
export interface Revision {
  readonly kind: 'ins' | 'del';
  readonly wordId: string;
  readonly author: string;
  readonly date: string;
  /** The w:name of a move's range: both sides of one move share it. */
  readonly move?: string;
}

export interface FormatRevision {
  readonly wordId: string;
  readonly author: string;
  readonly date: string;
  readonly was: Mark[];
}

/** What text between two sentinels is: inserted, deleted, reformatted, commented, in a paragraph wholly (un)made. */
export interface ReviewState {
  readonly ins?: Revision;
  readonly del?: Revision;
  readonly formatted?: FormatRevision;
  /** Word ids of the comments whose range holds the text. */
  readonly comments?: readonly string[];
  /** The paragraph's mark (or the one before it) is inserted or deleted: with all its text so, the whole block is. */
  readonly block?: 'insert' | 'delete';
  /** A comment anchored at a point, not on text (state of an empty piece). */
  readonly point?: string;
  /**
   * At a paragraph's end: its mark is inserted or deleted while its text is not all so, so the paragraph is split from
   * (or joined to) the next one by that change (state of an empty piece).
   */
  readonly join?: Revision;
  /** The paragraph's style changed from a heading of level `was` (w:pPrChange): a promotion or demotion. */
  readonly relevel?: { readonly wordId: string; readonly author: string; readonly date: string; readonly was: number };
}

export interface MarkedDocument {
  readonly xml: string;
  /** State 0 is plain text. */
  readonly states: readonly ReviewState[];
}

/** Whether document.xml holds anything this module reads: the fast path imports without it otherwise. */
export function hasReview(xml: string): boolean {
  return /<w:(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange|commentRangeStart|commentReference)\b/.test(xml);
}

/**
 * The tags this module reads, and only those: everything between them (text, and every other tag) is copied as one
 * slice, or dropped with the element being dropped. Reading every tag made the rewrite cost a third of the import.
 */
const TAGS = new RegExp(
  `<\\/?(w:(?:${[
    'p', 'r', 't', 'delText', 'delInstrText', 'ins', 'del', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveToRangeStart',
    'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange',
    'commentRangeStart', 'commentRangeEnd', 'pPr', 'rPr', 'trPr', 'tcPr', 'tblPr', 'sectPr', 'numPr', 'pStyle', 'b', 'i', 'u',
  ].join('|')}))(?=[\\s/>])[^>]*>`,
  'g',
);
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const PROPERTIES = new Set(['w:pPr', 'w:rPr', 'w:trPr', 'w:tcPr', 'w:tblPr', 'w:sectPr', 'w:numPr']);

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) map.set(m[1] as string, decodeEntities(m[2] ?? m[3] ?? ''));
  return map;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (all, hex: string, dec: string, name: string) => {
    if (name) return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? all;
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** A w:b, w:i or w:u element's meaning: on, unless its w:val says off. */
function markOf(name: string, attrs: Map<string, string>): Mark | undefined {
  const value = (attrs.get('w:val') ?? '').toLowerCase();
  const off = value === '0' || value === 'false' || value === 'off' || value === 'none';
  if (off) return undefined;
  if (name === 'w:b') return 'bold';
  if (name === 'w:i') return 'italic';
  if (name === 'w:u') return 'underline';
  return undefined;
}

interface Paragraph {
  mark: Revision | undefined;
  relevel?: ReviewState['relevel'];
  block: 'insert' | 'delete' | undefined;
  /** Whether a sentinel of a state other than plain has been written in it. */
  marked: boolean;
  /** Whether it has text, and text its mark's change does not make (so the change splits or joins paragraphs). */
  text?: boolean;
  other?: boolean;
}

export function markDocument(xml: string): MarkedDocument {
  const states: ReviewState[] = [{}];
  const stateIds = new Map<string, number>([['{}', 0]]);
  const stateId = (state: ReviewState): number => {
    const key = JSON.stringify(state);
    let id = stateIds.get(key);
    if (id === undefined) {
      id = states.length;
      states.push(state);
      stateIds.set(key, id);
    }
    return id;
  };

  const out: string[] = [];
  const containers: Array<Revision | null> = []; // open w:ins/w:del/w:moveFrom/w:moveTo (null: one in properties)
  const paragraphs: Paragraph[] = [];
  let previousMark: Revision | undefined;
  const properties: string[] = [];
  let formatted: FormatRevision | undefined;
  let inFormatChange: { wordId: string; author: string; date: string; was: Mark[] } | null = null;
  const comments = new Set<string>();
  const commentsWithText = new Set<string>();
  const pendingPoints: string[] = [];
  let moveFromName = '';
  let moveToName = '';
  let skip: { name: string; depth: number } | null = null;
  let restyle: { wordId: string; author: string; date: string; was: number } | null = null;
  let last = 0; // the state of the last sentinel written in the current paragraph

  const currentState = (): ReviewState => {
    let ins: Revision | undefined;
    let del: Revision | undefined;
    for (const c of containers) {
      if (c?.kind === 'ins') ins = c;
      if (c?.kind === 'del') del = c;
    }
    const paragraph = paragraphs[paragraphs.length - 1];
    const state: { -readonly [K in keyof ReviewState]: ReviewState[K] } = {};
    if (ins) state.ins = ins;
    if (del) state.del = del;
    if (formatted) state.formatted = formatted;
    if (comments.size > 0) state.comments = [...comments].sort();
    if (paragraph?.block && (ins || del)) state.block = paragraph.block;
    if (paragraph?.relevel) state.relevel = paragraph.relevel;
    return state;
  };

  let at = 0;
  for (const match of xml.matchAll(TAGS)) {
    if (match.index > at && !inFormatChange && !skip) out.push(withoutForgedSentinels(xml.slice(at, match.index)));
    at = match.index + match[0].length;
    const token = match[0];
    const name = match[1] as string;
    const closing = token[1] === '/';
    const selfClosing = token.endsWith('/>');

    if (skip) {
      if (name === skip.name && !selfClosing) skip.depth += closing ? -1 : 1;
      if (restyle && name === 'w:pStyle') restyle.was = headingLevel(attributes(token).get('w:val'));
      if (skip.depth === 0) {
        skip = null;
        const paragraph = paragraphs[paragraphs.length - 1];
        if (restyle && restyle.was > 0 && paragraph) paragraph.relevel = { ...restyle };
        restyle = null;
      }
      continue;
    }

    if (inFormatChange) {
      // the marks the run had before, inside <w:rPrChange><w:rPr>…</w:rPr></w:rPrChange>: all dropped from the output
      if (name === 'w:rPrChange' && closing) {
        formatted = { ...inFormatChange };
        inFormatChange = null;
      } else if (!closing) {
        const mark = markOf(name, attributes(token));
        if (mark && !inFormatChange.was.includes(mark)) inFormatChange.was.push(mark);
      }
      continue;
    }

    if (PROPERTIES.has(name)) {
      if (closing) properties.pop();
      else if (!selfClosing) properties.push(name);
      out.push(token);
      continue;
    }

    const isRevision = name === 'w:ins' || name === 'w:del' || name === 'w:moveFrom' || name === 'w:moveTo';
    if (isRevision) {
      if (properties.length > 0) {
        // a revision mark on a paragraph mark (w:pPr/w:rPr) or a table row: recorded, and taken out
        const inParagraphMark = properties[properties.length - 1] === 'w:rPr' && properties.includes('w:pPr');
        const paragraph = paragraphs[paragraphs.length - 1];
        if (!closing && inParagraphMark && paragraph) paragraph.mark = revision(name, attributes(token), moveFromName, moveToName);
        continue;
      }
      if (closing) containers.pop();
      else if (!selfClosing) containers.push(revision(name, attributes(token), moveFromName, moveToName));
      continue;
    }

    switch (name) {
      case 'w:moveFromRangeStart':
        moveFromName = attributes(token).get('w:name') ?? '';
        out.push(token);
        continue;
      case 'w:moveToRangeStart':
        moveToName = attributes(token).get('w:name') ?? '';
        out.push(token);
        continue;
      case 'w:rPrChange': {
        const attrs = attributes(token);
        const change = { wordId: attrs.get('w:id') ?? '', author: attrs.get('w:author') ?? '', date: attrs.get('w:date') ?? '', was: [] as Mark[] };
        if (selfClosing) formatted = change;
        else inFormatChange = change;
        continue;
      }
      case 'w:pPrChange': {
        // the style the paragraph had: a heading level before a promotion or demotion Word recorded
        if (selfClosing || closing) continue;
        const attrs = attributes(token);
        restyle = { wordId: attrs.get('w:id') ?? '', author: attrs.get('w:author') ?? '', date: attrs.get('w:date') ?? '', was: 0 };
        skip = { name, depth: 1 };
        continue;
      }
      case 'w:sectPrChange':
      case 'w:tblPrChange':
      case 'w:trPrChange':
      case 'w:tcPrChange':
      case 'w:numberingChange':
        // property changes other than a run's marks: not carried by the model; their old properties must not be read
        if (!selfClosing && !closing) skip = { name, depth: 1 };
        continue;
      case 'w:commentRangeStart': {
        const id = attributes(token).get('w:id');
        if (id !== undefined) comments.add(id);
        continue;
      }
      case 'w:commentRangeEnd': {
        const id = attributes(token).get('w:id');
        if (id !== undefined && comments.delete(id) && !commentsWithText.has(id)) pendingPoints.push(id);
        continue;
      }
      case 'w:p':
        if (closing) {
          const paragraph = paragraphs.pop();
          if (pendingPoints.length > 0) {
            // a comment at the paragraph's end, on no text: anchored here, in this paragraph's section
            out.push(`<w:r><w:t>${pendingPoints.splice(0).map((id) => sentinel(stateId({ point: id }))).join('')}${sentinel(0)}</w:t></w:r>`);
            last = 0;
          }
          if (paragraph?.mark && paragraph.text && paragraph.other) {
            out.push(`<w:r><w:t>${sentinel(stateId({ join: paragraph.mark }))}</w:t></w:r>`);
            paragraph.marked = true;
            last = -1;
          }
          if (paragraph?.marked && last !== 0) out.push(`<w:r><w:t>${sentinel(0)}</w:t></w:r>`);
          previousMark = paragraph?.mark;
          last = 0;
        } else if (!selfClosing) {
          paragraphs.push({ mark: undefined, block: undefined, marked: false });
          last = 0;
        }
        out.push(token);
        continue;
      case 'w:r':
        if (!closing) formatted = undefined;
        out.push(token);
        continue;
      case 'w:delText':
      case 'w:t': {
        if (closing) {
          out.push('</w:t>');
          continue;
        }
        const paragraph = paragraphs[paragraphs.length - 1];
        if (paragraph && paragraph.block === undefined) paragraph.block = blockHint(paragraph.mark, previousMark);
        out.push(selfClosing ? '<w:t xml:space="preserve">' : token.replace(/^<w:delText\b/, '<w:t'));
        const mark: string[] = [];
        for (const id of pendingPoints.splice(0)) {
          mark.push(sentinel(stateId({ point: id })));
          last = -1;
        }
        const state = currentState();
        for (const id of state.comments ?? []) commentsWithText.add(id);
        if (paragraph) {
          paragraph.text = true;
          if (paragraph.mark && !(paragraph.mark.kind === 'ins' ? state.ins : state.del)) paragraph.other = true;
        }
        const id = stateId(state);
        if (id !== last) {
          mark.push(sentinel(id));
          last = id;
          if (paragraph && id !== 0) paragraph.marked = true;
        }
        out.push(mark.join(''));
        if (selfClosing) out.push('</w:t>');
        continue;
      }
      case 'w:delInstrText':
        out.push(token.replace(/^<(\/?)w:delInstrText\b/, '<$1w:instrText'));
        continue;
      default:
        out.push(token);
    }
  }
  if (at < xml.length) out.push(withoutForgedSentinels(xml.slice(at)));
  return { xml: out.join(''), states };

}

/** Text with the characters sentinels are made of removed, written or as references: a file cannot forge a state. */
function withoutForgedSentinels(text: string): string {
  if (!/[\uFDD0-\uFDEF]|&#/.test(text)) return text;
  return text.replace(/[\uFDD0-\uFDEF]|&#x0*[Ff][Dd][DdEe][0-9A-Fa-f];|&#0*(?:649(?:7[6-9]|[89]\d)|6500[0-7]);/g, '');
}

/** The level of a heading style id ("Heading2", "heading 2"), or 0 for any other style. */
function headingLevel(style: string | undefined): number {
  const level = Number(/^heading\s?([1-6])$/i.exec(style ?? '')?.[1] ?? 0);
  return level;
}

function revision(name: string, attrs: Map<string, string>, moveFromName: string, moveToName: string): Revision {
  const kind = name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del';
  const base = { kind, wordId: attrs.get('w:id') ?? '', author: attrs.get('w:author') ?? '', date: attrs.get('w:date') ?? '' } as const;
  if (name === 'w:moveFrom') return { ...base, move: moveFromName || `from-${base.wordId}` };
  if (name === 'w:moveTo') return { ...base, move: moveToName || `to-${base.wordId}` };
  return base;
}

/** Whether a paragraph's text, when it is all inserted (or deleted), makes a whole block: its mark or the one before is so. */
function blockHint(own: Revision | undefined, previous: Revision | undefined): 'insert' | 'delete' | undefined {
  if (own) return own.kind === 'ins' ? 'insert' : 'delete';
  if (previous) return previous.kind === 'ins' ? 'insert' : 'delete';
  return undefined;
}
