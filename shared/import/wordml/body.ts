import type { Mark } from '../../model/vocabulary';
import type { RawParagraph, RawRun, RawTable } from '../raw';
import { checkRootNamespaces, declaresNamespace } from './namespaces';
import { numberReferenceBookmark } from '../reference-field';
import { NotMine } from './not-mine';
import type { WordNumbering } from './numbering';
import { withCaptions } from '../captions';
import { ListNumbers } from './list-numbers';
import { MISSING_TARGET, rawParagraphs, type NoteText, type ParagraphRole, type Piece } from './paragraphs';
import { withFragment } from './relationships';
import type { WordStyles } from './styles';
import { attribute, decodeXml, scanXml } from './xml-scan';

/*
 * word/document.xml read straight into raw paragraphs, giving what mammoth's HTML read by html.ts gives (docx.ts used
 * both until this reader), and what mammoth loses besides: the numbers of Word's lists (list-numbers.ts), captions,
 * and which headings Word leaves without a number. Otherwise it follows mammoth's body reader (docx/body-reader.js), its default style map with ours on top
 * (docx.ts STYLE_MAP), and html.ts's rules for what that HTML means. It keeps what those keep — paragraph styles for
 * titles, headings and tables of contents, Word list levels, bold, italic, underline, the "Strong" character style,
 * hyperlinks (elements and HYPERLINK fields), tabs and line breaks, superscript and subscript, tables (the first row a
 * header when Word repeats it on each page, w:tblHeader, as mammoth's <thead>; a cell spanning columns followed by
 * empty cells, a continued vertical merge an empty cell, a nested table text of its cell), content controls,
 * insertions, paragraphs whose mark was deleted joined to the next, footnote and endnote references as note runs
 * holding the note's text — and drops what they drop (deletions, drawings, fldSimple, unknown elements
 * with all they hold). What it does not reproduce is NotMine, and mammoth reads the file: text boxes and VML,
 * symbols, checkboxes, links nested in links, notes referring to notes, merged cells in a table that holds more than
 * rows and cells.
 */

export interface BodyContext {
  readonly styles: WordStyles;
  readonly numbering: WordNumbering;
  /** Targets of the main document's relationships by id (a later duplicate wins, as in mammoth). */
  readonly targets: ReadonlyMap<string, string | undefined>;
  /** Counts what the reader leaves out by style (a contents page's "toc N" entries), for the import report. */
  readonly dropped?: { contentsEntries: number };
}

const HEADING_STYLE_IDS: Readonly<Record<string, number>> = { Heading1: 1, Heading2: 2, Heading3: 3, Heading4: 4, Heading5: 5, Heading6: 6, Heading: 1 };
const HEADING_STYLE_NAMES: Readonly<Record<string, number>> = {
  'HEADING 1': 1, 'HEADING 2': 2, 'HEADING 3': 3, 'HEADING 4': 4, 'HEADING 5': 5, 'HEADING 6': 6, HEADING: 1,
};
const TOC_STYLE_NAMES = new Set(['TOC HEADING', ...Array.from({ length: 9 }, (_, i) => `TOC ${i + 1}`)]);
const PLAIN_STYLE_NAMES = new Set(['FOOTNOTE TEXT', 'ENDNOTE TEXT', 'ANNOTATION TEXT', 'FOOTNOTE', 'ENDNOTE']);
/** Word's caption style: such a paragraph right before or after a table is the table's caption. */
const CAPTION_STYLE_NAME = 'CAPTION';

/** Elements mammoth reads only as containers of what they hold. */
const CONTAINERS = new Set([
  'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:moveFromRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd',
]);
/** Containers whose content stands, for mammoth, where they stand (a row in a content control is a row of the table). */
const PASS_THROUGH = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);
/** What gives mammoth nothing where it stands: among a table's rows or a row's cells, anything else is "unexpected". */
const QUIET = new Set([
  ...PASS_THROUGH, 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tblPrEx', 'w:bookmarkEnd', 'w:proofErr', 'w:del',
  'w:moveFrom', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:moveFromRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd',
]);
/** Elements that produce nothing. */
const NOTHING = new Set(['w:commentReference']);
/** Elements mammoth reads in ways this reader does not follow. */
const NOT_MINE = new Set([
  'w:sym', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:txbxContent',
  'v:roundrect', 'v:shape', 'v:textbox', 'v:imagedata', 'v:group', 'v:rect', 'wp:inline', 'wp:anchor',
]);

const HYPERLINK_FIELD = /^\s*HYPERLINK\s+(\\l\s+)?(?:"(.*)"|([^\\]\S*))/;

type Field = { type: 'begin' } | { type: 'hyperlink'; href: string } | { type: 'other' };

// The property elements mammoth reads the first of: a second one is NotMine. Bits of Paragraph.seen and Run.seen.
const SEEN: Readonly<Record<string, number>> = {
  'w:pPr': 1, 'w:pStyle': 2, 'w:numPr': 4, 'w:ilvl': 8, 'w:numId': 16, 'pPr/rPr': 32,
  'w:rPr': 1, 'w:b': 2, 'w:i': 4, 'w:u': 8, 'w:rStyle': 16, 'w:vertAlign': 32,
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
  /** w:vertAlign: 0 baseline, 1 superscript, 2 subscript. */
  vertical: 0 | 1 | 2;
  styleId: string | undefined;
  seen: number;
  /** Text, breaks and note references, given their marks and link when the run ends (its properties and a field's link known then). */
  content: Array<{ text: string; lineBreak: boolean; note?: string }>;
  elementLink: string | undefined;
}

// One array per combination of marks, shared by every piece that has it: bold, italic, underline by bits, then
// superscript (+8) or subscript (+16).
const MARK_SETS: ReadonlyArray<readonly Mark[]> = Array.from({ length: 24 }, (_, bits) => [
  ...(['bold', 'italic', 'underline'] as const).filter((_m, i) => bits & (1 << i)),
  ...(bits >= 16 ? (['subscript'] as const) : bits >= 8 ? (['superscript'] as const) : []),
]);

/**
 * A table as mammoth's calculateRowSpans sees it: which column indexes a cell has started at, whether a cell is
 * vertically merged, and whether something other than rows and cells stands among them (then mammoth merges nothing,
 * which this reader does not follow: both is NotMine).
 */
interface Table {
  columns: Record<string, true>;
  merged: boolean;
  irregular: boolean;
}

/** The outermost table being read into the model's shape: its rows' cells, each the Word paragraphs it holds. */
interface TableBeingRead {
  readonly table: Table;
  readonly rows: Block[][][];
  header: boolean;
  row: Block[][] | null;
  cell: Block[] | null;
}

interface RowFrame {
  kind: 'row';
  name: string;
  deleted: boolean;
  /** w:tblHeader: Word repeats the row at the top of each page (mammoth's <thead>). */
  header: boolean;
  contentBefore: number;
  table: Table;
  /** Where the next cell starts (the sum of the spans before it, as mammoth counts, NaN included). */
  cellIndex: number;
}

interface CellFrame {
  kind: 'cell';
  name: string;
  /** Whether its w:tcPr has been read (mammoth reads the first). */
  propertiesRead?: boolean;
  row: RowFrame;
  span: number;
  vMerge: boolean;
  /** A continued vertical merge: mammoth drops the cell, and what it holds. */
  drop: boolean;
  contentBefore: number;
}

/** Frames of the open elements this reader follows; elements inside a skipped one have none. */
type Frame =
  | { kind: 'root' | 'body' | 'container' | 'sdtPr' | 'tcPr' | 'hyperlink' | 'p' | 'r' | 'pPr' | 'numPr' | 'pPrRPr' | 'rPr' | 'trPr' | 'text' | 'instr' | 'sdt'; name: string }
  | { kind: 'table'; name: string; table: Table }
  | RowFrame
  | CellFrame;

function readBoolean(attrs: string): boolean {
  const value = attribute(attrs, 'w:val');
  return value !== 'false' && value !== '0';
}

function readUnderline(attrs: string): boolean {
  const value = attribute(attrs, 'w:val');
  return value !== undefined && value !== 'false' && value !== '0' && value !== 'none';
}

/** A Word paragraph read: its content, and what its style makes of it. */
export interface Block {
  readonly pieces: readonly Piece[];
  readonly role: ParagraphRole;
  /** Bookmarks waiting for the next paragraph with text: rawParagraphs gives them to it and empties the array. */
  readonly anchors: string[];
  /** A list item's number as Word draws it (list-numbers.ts). */
  readonly path?: number[];
  /** A heading: whether Word draws a number on it. */
  readonly numbered?: boolean;
  readonly caption?: boolean;
  /** Not a paragraph but a table: its rows of cells of paragraphs. */
  readonly table?: { readonly header: boolean; readonly rows: readonly Block[][][] };
}

/** The notes of word/footnotes.xml or word/endnotes.xml by key ("footnote-2"), a later one of the same key winning. */
export type Notes = ReadonlyMap<string, readonly Block[]>;

/** Raw paragraphs (and tables) of word/document.xml, each note reference carrying its note's text; or NotMine. */
export function readBody(xml: string, context: BodyContext, notes: Notes = new Map()): RawParagraph[] {
  const out: RawParagraph[] = [];
  const noteTexts = new Map<string, RawRun[]>();
  const noteText: NoteText = (key) => {
    let runs = noteTexts.get(key);
    if (runs === undefined) {
      const blocks = notes.get(key);
      if (!blocks) throw new NotMine('a reference to a note that is not there');
      runs = textOf(blocks);
      noteTexts.set(key, runs);
    }
    return runs;
  };
  const captions = new Set<RawParagraph>();
  const headings: Array<{ paragraph: RawParagraph; numbered: boolean }> = [];
  readPart(xml, context, 'document', (block) => {
    if (block.table) {
      out.push({ runs: [], table: tableOf(block.table, noteText) });
      return;
    }
    const start = out.length;
    rawParagraphs(block.pieces, block.role, out, noteText, block.anchors);
    const first = out[start];
    if (!first) return;
    if (block.caption) captions.add(first);
    if (block.path && first.list?.kind === 'number') first.list.path = block.path;
    if (block.role.kind === 'heading') for (const paragraph of out.slice(start)) headings.push({ paragraph, numbered: block.numbered === true });
  });
  // Word numbers its headings and leaves some without: those take no number (while none is numbered, the app numbers them).
  if (headings.some((h) => h.numbered)) for (const h of headings) if (!h.numbered) h.paragraph.unnumbered = true;
  return withCaptions(out, captions);
}

/** A note's or a cell's paragraphs as one list of runs, the paragraphs apart by "\n" (a note holds no note). */
function textOf(blocks: readonly Block[], noteText?: NoteText): RawRun[] {
  const runs: RawRun[] = [];
  for (const block of blocks) {
    // a table in a note: its cells' text, one after another (as html.ts reads mammoth's table inside a note's item)
    const inner = block.table ? block.table.rows.flat().map((cell) => textOf(cell, noteText)) : [];
    for (const cell of inner) if (cell.length > 0) runs.push(...(runs.length > 0 ? [{ text: '\n' }] : []), ...cell);
    const paragraphs: RawParagraph[] = [];
    rawParagraphs(block.pieces, { kind: 'paragraph' }, paragraphs, noteText, block.anchors);
    for (const paragraph of paragraphs) {
      if (runs.length > 0) runs.push({ text: '\n' });
      runs.push(...paragraph.runs);
    }
  }
  return runs;
}

function tableOf(table: NonNullable<Block['table']>, noteText: NoteText): RawTable {
  return { header: table.header, rows: table.rows.map((cells) => cells.map((blocks) => textOf(blocks, noteText))) };
}

/** The notes of a footnotes or endnotes part (separators left out, as mammoth leaves them), or NotMine. */
export function readNotes(xml: string, context: BodyContext, type: 'footnote' | 'endnote'): Notes {
  const notes = new Map<string, Block[]>();
  let current: Block[] = [];
  // A note's paragraphs are turned into raw paragraphs later: each keeps the bookmarks waiting when it was read.
  readPart(xml, context, type, (block) => current.push({ ...block, anchors: block.anchors.splice(0) }), (key) => {
    current = [];
    notes.set(key, current);
  });
  return notes;
}

const ROOTS = { document: ['w:document', 'w:body'], footnote: ['w:footnotes', 'w:footnote'], endnote: ['w:endnotes', 'w:endnote'] } as const;

/**
 * Reads a part's bodies (the document's w:body, or each note), giving each paragraph as it ends. Each body starts
 * afresh, as each of mammoth's body readers does: no field, no paragraph whose mark was deleted, carried over.
 */
function readPart(xml: string, context: BodyContext, part: keyof typeof ROOTS, emit: (block: Block) => void, bodyStart?: (key: string) => void): void {
  const [rootName, bodyName] = ROOTS[part];
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
  let tableBeingRead: TableBeingRead | null = null;
  const listNumbers = new ListNumbers(context.numbering);

  const top = () => frames[frames.length - 1];
  /** The innermost open element that is not a pass-through container. */
  const structuralParent = (): Frame | undefined => {
    for (let i = frames.length - 1; i >= 0; i--) if (!PASS_THROUGH.has((frames[i] as Frame).name)) return frames[i];
    return undefined;
  };
  const irregular = (table: Table) => {
    table.irregular = true;
    if (table.merged) throw new NotMine('merged cells in a table with more than rows and cells');
  };
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
    const marks = MARK_SETS[(bold ? 1 : 0) | (r.italic ? 2 : 0) | (r.underline ? 4 : 0) | (r.vertical * 8)] as readonly Mark[];
    let href = r.elementLink;
    if (fields.length > 0) {
      const field = fieldLink();
      if (field !== null) {
        if (links.length > 0) throw new NotMine('a HYPERLINK field inside a hyperlink');
        href = checkedHref(field);
      }
    }
    const pieces = (paragraph as Paragraph).pieces;
    for (const c of r.content) {
      if (c.note === undefined) {
        pieces.push({ text: c.text, lineBreak: c.lineBreak, marks, href });
        continue;
      }
      // mammoth's note reference is a link of its own: inside another one, the HTML reader would see links nested
      if (links.length > 0 || fieldLink() !== null) throw new NotMine('a note reference inside a link');
      pieces.push({ text: '', lineBreak: false, marks, href: undefined, note: c.note });
    }
  };

  const roleOf = (p: Paragraph): ParagraphRole | null => {
    const styleId = p.styleId !== undefined && p.styleId !== '' ? p.styleId : undefined;
    const name = styleId !== undefined ? context.styles.paragraph.get(styleId) : undefined;
    const upper = typeof name === 'string' && name !== '' ? name.toUpperCase() : undefined;
    if (upper === 'TITLE') return { kind: 'title' };
    if (upper !== undefined && TOC_STYLE_NAMES.has(upper)) {
      // An entry of Word's contents page ("toc 1"–"toc 9"; its heading is none), counted for the import report.
      if (context.dropped && upper !== 'TOC HEADING') context.dropped.contentsEntries++;
      return null;
    }
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
    if (!role) return;
    if (tableBeingRead?.cell) {
      // text of a cell: its bookmarks lead nowhere (mammoth's HTML has them inside the cell, where html.ts drops them)
      tableBeingRead.cell.push({ pieces, role, anchors: [] });
      return;
    }
    anchor(...p.anchors);
    emit({ pieces, role, anchors, ...wordNumbers(p, role) });
  };

  /** What Word draws that mammoth loses: a list item's number, whether a heading has one, a caption. */
  const wordNumbers = (p: Paragraph, role: ParagraphRole): Pick<Block, 'path' | 'numbered' | 'caption'> => {
    const styleId = p.styleId !== undefined && p.styleId !== '' ? p.styleId : undefined;
    const numId = p.numId ?? (styleId !== undefined ? context.styles.paragraphNumbering.get(styleId) : undefined);
    const level = p.ilvl ?? (p.numId === undefined && styleId !== undefined ? context.numbering.findLevelByParagraphStyleId(styleId)?.level : undefined) ?? '0';
    if (role.kind === 'heading') {
      const format = numId === undefined || numId === '0' ? undefined : context.numbering.counting(numId)?.levels(level)?.format;
      const numbered = numId !== undefined && numId !== '0' && format !== undefined && format !== 'none';
      if (numbered) listNumbers.next(numId, level);
      return { numbered };
    }
    if (role.kind === 'list' && role.ordered && numId !== undefined && numId !== '0') {
      const path = listNumbers.next(numId, level);
      return path ? { path } : {};
    }
    if (role.kind === 'paragraph' && styleId !== undefined && context.styles.paragraph.get(styleId)?.toUpperCase() === CAPTION_STYLE_NAME) return { caption: true };
    return {};
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
        if (name !== rootName) throw new NotMine(`a part whose root is not ${rootName}`);
        checkRootNamespaces(attrs);
        frames.push({ kind: 'root', name });
        return;
      }
      if (declaresNamespace(attrs)) throw new NotMine('a namespace declared inside the body');
      if (parent.kind === 'root') {
        const type = part === 'document' ? undefined : attribute(attrs, 'w:type');
        const isBody = name === bodyName && (part === 'document' ? !bodySeen : type !== 'separator' && type !== 'continuationSeparator');
        bodySeen ||= name === bodyName;
        if (!isBody) {
          skip(name);
          return;
        }
        frames.push({ kind: 'body', name });
        fields.length = 0;
        instrText = [];
        deletedContents = [];
        bodyStart?.(`${part}-${String(attribute(attrs, 'w:id'))}`);
        return;
      }
      if (parent.kind === 'text' || parent.kind === 'instr') throw new NotMine('an element inside text');
      if ((parent.kind === 'row' && parent.deleted) || (parent.kind === 'cell' && parent.drop)) {
        skip(name);
        return;
      }
      const structural = structuralParent();
      if ((structural?.kind === 'table' || structural?.kind === 'row') && !QUIET.has(name)) {
        const expected = structural.kind === 'table' ? 'w:tr' : 'w:tc';
        const goBack = name === 'w:bookmarkStart' && attribute(attrs, 'w:name') === '_GoBack';
        if (name !== expected && !goBack) irregular(structural.table);
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
        if (name === 'w:b' || name === 'w:i' || name === 'w:u' || name === 'w:rStyle' || name === 'w:vertAlign') {
          once(r, name);
          if (name === 'w:b') r.bold = readBoolean(attrs);
          else if (name === 'w:i') r.italic = readBoolean(attrs);
          else if (name === 'w:u') r.underline = readUnderline(attrs);
          else if (name === 'w:vertAlign') {
            const value = attribute(attrs, 'w:val');
            r.vertical = value === 'superscript' ? 1 : value === 'subscript' ? 2 : 0;
          } else r.styleId = attribute(attrs, 'w:val');
        }
        skip(name);
        return;
      }
      if (parent.kind === 'trPr') {
        if (name === 'w:tblHeader') {
          const row = frames[frames.length - 2];
          if (row?.kind === 'row') row.header = readBoolean(attrs);
        }
        if (name === 'w:del') {
          const row = frames[frames.length - 2];
          if (row?.kind !== 'row' || row.contentBefore !== emitted) throw new NotMine('a deleted table row with content before its properties');
          row.deleted = true;
        }
        skip(name);
        return;
      }
      if (parent.kind === 'tcPr') {
        const cell = frames[frames.length - 2] as CellFrame;
        if (name === 'w:vMerge') {
          const value = attribute(attrs, 'w:val');
          cell.vMerge = value === 'continue' || !value;
          cell.row.table.merged = true;
          if (cell.row.table.irregular) throw new NotMine('merged cells in a table with more than rows and cells');
        } else if (name === 'w:gridSpan') {
          const value = attribute(attrs, 'w:val');
          cell.span = value ? Number.parseInt(value, 10) : 1;
        }
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
          run = { bold: false, italic: false, underline: false, vertical: 0, styleId: undefined, seen: 0, content: [], elementLink: elementLink() };
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
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          if (part !== 'document') throw new NotMine('a note referred to from a note');
          if (!run) throw new NotMine('a note reference outside a run');
          run.content.push({ text: '', lineBreak: false, note: `${name === 'w:footnoteReference' ? 'footnote' : 'endnote'}-${String(attribute(attrs, 'w:id'))}` });
          emitted++;
          break;
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
            // mammoth fails on such a link where it writes it (a note never referred to is never written), or at
            // once when an anchor is to go on it
            if (target === undefined && anchor) throw new NotMine('a hyperlink to no relationship');
            href = target === undefined ? MISSING_TARGET : anchor ? withFragment(target, anchor) : target;
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
          if (parent.kind !== 'cell' || parent.propertiesRead) break;
          parent.propertiesRead = true;
          frames.push({ kind: 'tcPr', name });
          return;
        case 'w:tbl':
          if (paragraph) throw new NotMine('a table inside a paragraph');
          {
            const table: Table = { columns: Object.create(null) as Record<string, true>, merged: false, irregular: false };
            frames.push({ kind: 'table', name, table });
            tableBeingRead ??= { table, rows: [], header: false, row: null, cell: null };
          }
          return;
        case 'w:tr':
          if (structural?.kind !== 'table') throw new NotMine('a table row outside a table');
          frames.push({ kind: 'row', name, deleted: false, header: false, contentBefore: emitted, table: structural.table, cellIndex: 0 });
          if (tableBeingRead?.table === structural.table) tableBeingRead.row = [];
          return;
        case 'w:tc':
          if (structural?.kind !== 'row') throw new NotMine('a table cell outside a row');
          frames.push({ kind: 'cell', name, row: structural, span: 1, vMerge: false, drop: false, contentBefore: emitted });
          if (tableBeingRead?.table === structural.table) tableBeingRead.cell = [];
          return;
        default:
          if (CONTAINERS.has(name)) {
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
        case 'tcPr': {
          const cell = top() as CellFrame;
          if (cell.vMerge && cell.row.table.columns[cell.row.cellIndex]) {
            if (cell.contentBefore !== emitted) throw new NotMine('a merged cell with content before its properties');
            cell.drop = true;
          }
          break;
        }
        case 'cell':
          if (!frame.drop) frame.row.table.columns[frame.row.cellIndex] = true;
          frame.row.cellIndex += frame.span;
          if (tableBeingRead?.table === frame.row.table) {
            const read = tableBeingRead;
            // a continued vertical merge: an empty cell where mammoth's rowspan leaves one; a span: the cell, then empty ones
            const cells = read.row ?? (read.row = []);
            cells.push(frame.drop ? [] : (read.cell ?? []));
            const span = Number.isFinite(frame.span) ? Math.min(Math.max(frame.span, 1), 30) : 1;
            for (let i = 1; i < span; i++) cells.push([]);
            read.cell = null;
          }
          break;
        case 'row':
          if (tableBeingRead?.table === frame.table) {
            const read = tableBeingRead;
            if (!frame.deleted && read.row && read.row.length > 0) {
              if (read.rows.length === 0) read.header = frame.header;
              read.rows.push(read.row);
            }
            read.row = null;
          }
          break;
        case 'table':
          if (tableBeingRead?.table === frame.table) {
            const read = tableBeingRead;
            tableBeingRead = null;
            if (read.rows.length > 0) emit({ pieces: [], role: { kind: 'paragraph' }, anchors: [], table: { header: read.header, rows: read.rows } });
          }
          break;
        default:
          break;
      }
    },
  });
}

/** A link's address as mammoth writes it in <a href> (paragraphs.ts checks it); one html.ts treats specially is NotMine. */
function checkedHref(href: string): string {
  if (/^#(?:footnote|endnote)-ref-/.test(href)) throw new NotMine('a link to a note reference');
  return href;
}
