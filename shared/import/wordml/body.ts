import type { Mark } from '../../model/vocabulary';
import type { RawParagraph } from '../raw';
import { checkRootNamespaces, declaresNamespace } from './namespaces';
import { numberReferenceBookmark } from '../reference-field';
import { NotMine } from './not-mine';
import type { WordNumbering } from './numbering';
import { rawParagraphs, type ParagraphRole, type Piece } from './paragraphs';
import { withFragment } from './relationships';
import type { WordStyles } from './styles';
import { attribute, decodeXml, scanXml } from './xml-scan';

/*
 * word/document.xml read straight into raw paragraphs, giving what mammoth's HTML read by html.ts gave (docx.ts used
 * both until this reader): mammoth's body reader (docx/body-reader.js), its default style map with ours on top
 * (docx.ts STYLE_MAP), and html.ts's rules for what that HTML means. It keeps what those keep — paragraph styles for
 * titles, headings and tables of contents, Word list levels, bold, italic, underline, the "Strong" character style,
 * hyperlinks (elements and HYPERLINK fields), tabs and line breaks, tables, content controls, insertions, paragraphs
 * whose mark was deleted joined to the next — and drops what they drop (deletions, drawings, fldSimple, unknown
 * elements with all they hold). What it does not reproduce is NotMine, and mammoth reads the file: footnotes and
 * endnotes, text boxes and VML, symbols, checkboxes, vertically merged table cells, fields nested in links.
 */

export interface BodyContext {
  readonly styles: WordStyles;
  readonly numbering: WordNumbering;
  /** Targets of the main document's relationships by id (a later duplicate wins, as in mammoth). */
  readonly targets: ReadonlyMap<string, string | undefined>;
}

const HEADING_STYLE_IDS: Readonly<Record<string, number>> = { Heading1: 1, Heading2: 2, Heading3: 3, Heading4: 4, Heading5: 5, Heading6: 6, Heading: 1 };
const HEADING_STYLE_NAMES: Readonly<Record<string, number>> = {
  'HEADING 1': 1, 'HEADING 2': 2, 'HEADING 3': 3, 'HEADING 4': 4, 'HEADING 5': 5, 'HEADING 6': 6, HEADING: 1,
};
const TOC_STYLE_NAMES = new Set(['TOC HEADING', ...Array.from({ length: 9 }, (_, i) => `TOC ${i + 1}`)]);
const PLAIN_STYLE_NAMES = new Set(['FOOTNOTE TEXT', 'ENDNOTE TEXT', 'ANNOTATION TEXT', 'FOOTNOTE', 'ENDNOTE']);

/** Elements mammoth reads only as containers of what they hold. */
const CONTAINERS = new Set([
  'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:moveFromRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd',
  'w:tbl', 'w:tr', 'w:tc',
]);
/** Elements that produce nothing. */
const NOTHING = new Set(['w:commentReference']);
/** Elements mammoth reads in ways this reader does not follow. */
const NOT_MINE = new Set([
  'w:sym', 'w:footnoteReference', 'w:endnoteReference', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:txbxContent',
  'v:roundrect', 'v:shape', 'v:textbox', 'v:imagedata', 'v:group', 'v:rect', 'wp:inline', 'wp:anchor',
]);

const HYPERLINK_FIELD = /^\s*HYPERLINK\s+(\\l\s+)?(?:"(.*)"|([^\\]\S*))/;

type Field = { type: 'begin' } | { type: 'hyperlink'; href: string } | { type: 'other' };

// The property elements mammoth reads the first of: a second one is NotMine. Bits of Paragraph.seen and Run.seen.
const SEEN: Readonly<Record<string, number>> = {
  'w:pPr': 1, 'w:pStyle': 2, 'w:numPr': 4, 'w:ilvl': 8, 'w:numId': 16, 'pPr/rPr': 32,
  'w:rPr': 1, 'w:b': 2, 'w:i': 4, 'w:u': 8, 'w:rStyle': 16,
};

interface Paragraph {
  styleId: string | undefined;
  ilvl: string | undefined;
  numId: string | undefined;
  deletedMark: boolean;
  seen: number;
  pieces: Piece[];
  /** The bookmarks it holds (a heading's is where a cross-reference leads). */
  anchors: string[];
}

interface Run {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  styleId: string | undefined;
  seen: number;
  /** Text and breaks, given their marks and link when the run ends (its properties and a field's link known then). */
  content: Array<{ text: string; lineBreak: boolean }>;
  elementLink: string | undefined;
}

// One array per combination of marks, shared by every piece that has it.
const MARK_SETS: ReadonlyArray<readonly Mark[]> = Array.from({ length: 8 }, (_, bits) =>
  (['bold', 'italic', 'underline'] as const).filter((_m, i) => bits & (1 << i)),
);

/** Frames of the open elements this reader follows; elements inside a skipped one have none. */
type Frame =
  | { kind: 'root' | 'body' | 'container' | 'sdtPr' | 'tcPr' | 'hyperlink' | 'p' | 'r' | 'pPr' | 'numPr' | 'pPrRPr' | 'rPr' | 'trPr' | 'text' | 'instr' | 'sdt'; name: string }
  | { kind: 'row'; name: string; deleted: boolean; contentBefore: number };

function readBoolean(attrs: string): boolean {
  const value = attribute(attrs, 'w:val');
  return value !== 'false' && value !== '0';
}

function readUnderline(attrs: string): boolean {
  const value = attribute(attrs, 'w:val');
  return value !== undefined && value !== 'false' && value !== '0' && value !== 'none';
}

/** Raw paragraphs of word/document.xml, or NotMine. */
export function readBody(xml: string, context: BodyContext): RawParagraph[] {
  const out: RawParagraph[] = [];
  const frames: Frame[] = [];
  /** Open elements inside a skipped one (which counts itself); drawings may declare namespaces, others may not. */
  let skipDepth = 0;
  let skippingDrawing = false;
  let paragraph: Paragraph | null = null;
  let run: Run | null = null;
  let textBuffer = '';
  let instrBuffer = '';
  /** Hyperlink elements open, innermost last (null: a w:hyperlink with neither id nor anchor, which is no link). */
  const links: Array<string | null> = [];
  const fields: Field[] = [];
  let instrText: string[] = [];
  let deletedContents: Piece[] = [];
  /** Bookmarks met since the last paragraph given out, for the next one with text (as html.ts keeps mammoth's ids). */
  const anchors: string[] = [];
  let emitted = 0;
  let bodySeen = false;

  const top = () => frames[frames.length - 1];
  const elementLink = (): string | undefined => {
    for (let i = links.length - 1; i >= 0; i--) if (links[i] !== null) return links[i] as string;
    return undefined;
  };
  const skip = (name: string) => {
    skipDepth = 1;
    skippingDrawing = name === 'w:drawing';
  };
  const once = (owner: { seen: number }, what: string) => {
    const bit = SEEN[what] as number;
    if (owner.seen & bit) throw new NotMine(`${what} given twice`);
    owner.seen |= bit;
  };
  const pushPiece = (text: string, lineBreak = false) => {
    if (!paragraph) throw new NotMine('text outside a paragraph');
    if (run) run.content.push({ text, lineBreak });
    else paragraph.pieces.push({ text, lineBreak, marks: MARK_SETS[0] as readonly Mark[], href: elementLink() });
    emitted++;
  };

  const fieldLink = (): string | null => {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i] as Field;
      if (f.type === 'hyperlink') return f.href;
    }
    return null;
  };
  const parseInstr = (): Field => {
    const instruction = instrText.join('');
    const m = HYPERLINK_FIELD.exec(instruction);
    if (!m) {
      // A cross-reference to a heading's number is a link to its bookmark, which the structure pass makes a reference.
      const bookmark = numberReferenceBookmark(instruction);
      return bookmark === undefined ? { type: 'other' } : { type: 'hyperlink', href: `#${bookmark}` };
    }
    const location = m[2] === undefined ? (m[3] as string) : m[2];
    return { type: 'hyperlink', href: m[1] === undefined ? location : `#${location}` };
  };
  const fldChar = (attrs: string) => {
    const type = attribute(attrs, 'w:fldCharType');
    if (type === 'begin') {
      fields.push({ type: 'begin' });
      instrText = [];
    } else if (type === 'end') {
      fields.pop();
    } else if (type === 'separate') {
      if (fields.length === 0) return;
      fields.pop();
      fields.push(parseInstr());
    }
  };

  const endRun = (r: Run) => {
    const styleName = r.styleId !== undefined && r.styleId !== '' ? context.styles.character.get(r.styleId) : undefined;
    const bold = r.bold || (typeof styleName === 'string' && styleName.toUpperCase() === 'STRONG');
    const marks = MARK_SETS[(bold ? 1 : 0) | (r.italic ? 2 : 0) | (r.underline ? 4 : 0)] as readonly Mark[];
    let href = r.elementLink;
    if (fields.length > 0) {
      const field = fieldLink();
      if (field !== null) {
        if (links.length > 0) throw new NotMine('a HYPERLINK field inside a hyperlink');
        href = checkedHref(field);
      }
    }
    const pieces = (paragraph as Paragraph).pieces;
    for (const c of r.content) pieces.push({ text: c.text, lineBreak: c.lineBreak, marks, href });
  };

  const roleOf = (p: Paragraph): ParagraphRole | null => {
    const styleId = p.styleId !== undefined && p.styleId !== '' ? p.styleId : undefined;
    const name = styleId !== undefined ? context.styles.paragraph.get(styleId) : undefined;
    const upper = typeof name === 'string' && name !== '' ? name.toUpperCase() : undefined;
    if (upper === 'TITLE') return { kind: 'title' };
    if (upper !== undefined && TOC_STYLE_NAMES.has(upper)) return null;
    const byId = p.styleId !== undefined ? HEADING_STYLE_IDS[p.styleId] : undefined;
    if (byId !== undefined && p.styleId !== 'Heading') return { kind: 'heading', level: byId };
    if (upper !== undefined && HEADING_STYLE_NAMES[upper] !== undefined && upper !== 'HEADING') return { kind: 'heading', level: HEADING_STYLE_NAMES[upper] };
    if (p.styleId === 'Heading' || upper === 'HEADING') return { kind: 'heading', level: 1 };
    if (upper !== undefined && PLAIN_STYLE_NAMES.has(upper)) return { kind: 'paragraph' };
    const level = numberingOf(p.styleId, p.ilvl, p.numId);
    if (level) {
      const index = Number(level.level);
      // mammoth's style map has list levels 1 to 5; deeper ones are plain paragraphs
      if (Number.isInteger(index) && index >= 0 && index <= 4) return { kind: 'list', ordered: level.isOrdered, indent: index };
    }
    return { kind: 'paragraph' };
  };

  const numberingOf = (styleId: string | undefined, ilvl: string | undefined, numId: string | undefined) => {
    if (ilvl !== undefined && numId !== undefined) return context.numbering.findLevel(numId, ilvl);
    if (styleId !== undefined) {
      const byStyle = context.numbering.findLevelByParagraphStyleId(styleId);
      if (byStyle) return byStyle;
    }
    if (numId !== undefined) return context.numbering.findLevel(numId, '0');
    return null;
  };

  const anchor = (...names: string[]) => {
    for (const name of names) if (anchors.length < 16) anchors.push(name);
  };

  const endParagraph = (p: Paragraph) => {
    if (p.deletedMark) {
      deletedContents = deletedContents.concat(p.pieces);
      anchor(...p.anchors);
      return;
    }
    const pieces = deletedContents.length > 0 ? deletedContents.concat(p.pieces) : p.pieces;
    deletedContents = [];
    const role = roleOf(p);
    // A paragraph left out (a table of contents' entry) takes its bookmarks with it, as mammoth's style map does.
    if (role) {
      anchor(...p.anchors);
      rawParagraphs(pieces, role, out, anchors);
    }
  };

  scanXml(xml, {
    wantsText: () => skipDepth === 0 && (top()?.kind === 'text' || top()?.kind === 'instr'),
    text(raw) {
      if (top()?.kind === 'text') textBuffer += raw;
      else instrBuffer += raw;
    },
    open(name, attrs) {
      if (skipDepth > 0) {
        if (!skippingDrawing && declaresNamespace(attrs)) throw new NotMine('a namespace declared inside the body');
        skipDepth++;
        return;
      }
      const parent = top();
      if (!parent) {
        if (name !== 'w:document') throw new NotMine('a main part that is not a w:document');
        checkRootNamespaces(attrs);
        frames.push({ kind: 'root', name });
        return;
      }
      if (declaresNamespace(attrs)) throw new NotMine('a namespace declared inside the body');
      if (parent.kind === 'root') {
        if (name === 'w:body' && !bodySeen) frames.push({ kind: 'body', name });
        else skip(name);
        bodySeen ||= name === 'w:body';
        return;
      }
      if (parent.kind === 'text' || parent.kind === 'instr') throw new NotMine('an element inside text');
      if (parent.kind === 'row' && parent.deleted) {
        skip(name);
        return;
      }
      // properties: read where mammoth reads them (the first of each), everything else in them ignored
      if (parent.kind === 'pPr' || parent.kind === 'numPr' || parent.kind === 'pPrRPr') {
        const p = paragraph as Paragraph;
        if (parent.kind === 'pPr' && name === 'w:pStyle') {
          once(p, name);
          p.styleId = attribute(attrs, 'w:val');
        } else if (parent.kind === 'pPr' && name === 'w:numPr') {
          once(p, name);
          frames.push({ kind: 'numPr', name });
          return;
        } else if (parent.kind === 'pPr' && name === 'w:rPr') {
          once(p, 'pPr/rPr');
          frames.push({ kind: 'pPrRPr', name });
          return;
        } else if (parent.kind === 'numPr' && (name === 'w:ilvl' || name === 'w:numId')) {
          once(p, name);
          if (name === 'w:ilvl') p.ilvl = attribute(attrs, 'w:val');
          else p.numId = attribute(attrs, 'w:val');
        } else if (parent.kind === 'pPrRPr' && name === 'w:del') {
          p.deletedMark = true;
        }
        skip(name);
        return;
      }
      if (parent.kind === 'rPr') {
        const r = run as Run;
        if (name === 'w:b' || name === 'w:i' || name === 'w:u' || name === 'w:rStyle') {
          once(r, name);
          if (name === 'w:b') r.bold = readBoolean(attrs);
          else if (name === 'w:i') r.italic = readBoolean(attrs);
          else if (name === 'w:u') r.underline = readUnderline(attrs);
          else r.styleId = attribute(attrs, 'w:val');
        }
        skip(name);
        return;
      }
      if (parent.kind === 'trPr') {
        if (name === 'w:del') {
          const row = frames[frames.length - 2];
          if (row?.kind !== 'row' || row.contentBefore !== emitted) throw new NotMine('a deleted table row with content before its properties');
          row.deleted = true;
        }
        skip(name);
        return;
      }
      if (parent.kind === 'tcPr') {
        if (name === 'w:vMerge') throw new NotMine('vertically merged table cells');
        skip(name);
        return;
      }
      if (parent.kind === 'sdtPr') {
        if (name === 'w14:checkbox') throw new NotMine('a checkbox content control');
        skip(name);
        return;
      }
      if (parent.kind === 'sdt') {
        if (name === 'w:sdtPr') frames.push({ kind: 'sdtPr', name });
        else if (name === 'w:sdtContent') frames.push({ kind: 'container', name });
        else skip(name);
        return;
      }
      if (NOT_MINE.has(name) || name.startsWith('v:')) throw new NotMine(`a ${name} element`);
      switch (name) {
        case 'w:p':
          if (paragraph) throw new NotMine('a paragraph inside a paragraph');
          paragraph = { styleId: undefined, ilvl: undefined, numId: undefined, deletedMark: false, seen: 0, pieces: [], anchors: [] };
          frames.push({ kind: 'p', name });
          return;
        case 'w:pPr':
          if (parent.kind !== 'p') break;
          once(paragraph as Paragraph, name);
          frames.push({ kind: 'pPr', name });
          return;
        case 'w:r':
          if (!paragraph || run) throw new NotMine('a run outside a paragraph or inside a run');
          run = { bold: false, italic: false, underline: false, styleId: undefined, seen: 0, content: [], elementLink: elementLink() };
          frames.push({ kind: 'r', name });
          return;
        case 'w:rPr':
          if (parent.kind !== 'r') break;
          once(run as Run, name);
          frames.push({ kind: 'rPr', name });
          return;
        case 'w:t':
          if (!paragraph) throw new NotMine('text outside a paragraph');
          textBuffer = '';
          frames.push({ kind: 'text', name });
          return;
        case 'w:instrText':
          instrBuffer = '';
          frames.push({ kind: 'instr', name });
          return;
        case 'w:tab':
          pushPiece('\t');
          break;
        case 'w:noBreakHyphen':
          pushPiece('\u2011');
          break;
        case 'w:softHyphen':
          pushPiece('\u00AD');
          break;
        case 'w:br': {
          const type = attribute(attrs, 'w:type');
          if (type === undefined || type === 'textWrapping') pushPiece('', true);
          break;
        }
        case 'w:fldChar':
          fldChar(attrs);
          break;
        case 'w:hyperlink': {
          if (links.length > 0 || fieldLink() !== null || run) throw new NotMine('a hyperlink inside a hyperlink or a run');
          const id = attribute(attrs, 'r:id');
          const anchor = attribute(attrs, 'w:anchor');
          let href: string | null = null;
          if (id) {
            const target = context.targets.get(id);
            if (target === undefined) throw new NotMine('a hyperlink to no relationship');
            href = anchor ? withFragment(target, anchor) : target;
          } else if (anchor) {
            href = `#${anchor}`;
          }
          links.push(href === null ? null : checkedHref(href));
          frames.push({ kind: 'hyperlink', name });
          return;
        }
        case 'w:sdt':
          frames.push({ kind: 'sdt', name });
          return;
        case 'w:trPr':
          if (parent.kind !== 'row') break;
          frames.push({ kind: 'trPr', name });
          return;
        case 'w:tcPr':
          if (parent.name !== 'w:tc') break;
          frames.push({ kind: 'tcPr', name });
          return;
        default:
          if (name === 'w:tr') {
            if (paragraph) throw new NotMine('a table row inside a paragraph');
            frames.push({ kind: 'row', name, deleted: false, contentBefore: emitted });
            return;
          }
          if (CONTAINERS.has(name)) {
            if ((name === 'w:tbl' || name === 'w:tc') && paragraph) throw new NotMine('a table inside a paragraph');
            frames.push({ kind: 'container', name });
            return;
          }
          if (name === 'w:bookmarkStart') {
            // mammoth leaves out Word's own "_GoBack", the place of the last edit.
            const bookmark = attribute(attrs, 'w:name');
            if (bookmark !== undefined && bookmark !== '' && bookmark !== '_GoBack') {
              if (paragraph) paragraph.anchors.push(bookmark.slice(0, 200));
              else anchor(bookmark.slice(0, 200));
            }
            break;
          }
          if (NOTHING.has(name)) break;
      }
      // everything else (and, once read, the empty elements above): ignored with all it holds, as mammoth ignores it
      skip(name);
    },
    close() {
      if (skipDepth > 0) {
        skipDepth--;
        if (skipDepth === 0) skippingDrawing = false;
        return;
      }
      const frame = frames.pop() as Frame;
      switch (frame.kind) {
        case 'p':
          endParagraph(paragraph as Paragraph);
          paragraph = null;
          break;
        case 'r':
          endRun(run as Run);
          run = null;
          break;
        case 'text':
          pushPiece(decodeXml(textBuffer));
          break;
        case 'instr':
          instrText.push(decodeXml(instrBuffer));
          break;
        case 'hyperlink':
          links.pop();
          break;
        default:
          break;
      }
    },
  });
  return out;
}

/** A link's address as mammoth writes it in <a href> (paragraphs.ts checks it); one html.ts treats specially is NotMine. */
function checkedHref(href: string): string {
  if (/^#(?:footnote|endnote)-ref-/.test(href)) throw new NotMine('a link to a note reference');
  return href;
}
