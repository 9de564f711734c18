import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReference,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Comparison, Row } from '../compare/types';
import { isSectionRow } from '../compare/types';
import { HEADING_STYLES } from './docx-body';
import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING, bulletLevels, headingLevels, numberLevels } from './docx-numbering';
import { docxRuns } from './docx-runs';
import { docxStyles } from './docx-styles';
import {
  listPlaces,
  redlineParas,
  redlineTitle,
  sameForm as sameParaForm,
  segments as segmentsOf,
  wholeParas,
  type ListPlace,
  type RedlinePara,
  type RedlineSegment,
  type RedlineTablePara,
} from './redline-blocks';
import { keptBlocks } from '../compare/sides';
import { oneLine } from './text';
import { wordStamp } from '../model/dates';

export interface RedlineDocxOptions {
  /** Who the tracked changes are by, as Word shows it beside each one. */
  readonly author: string;
  /** When they were made. */
  readonly date: Date;
}

const MUTED = '555555';

/**
 * A comparison as a Word document whose differences are real tracked changes (w:ins and w:del, by `author` at
 * `date`), for a reviewer to accept or reject one by one in Word or LibreOffice. The body is the policy and nothing
 * else: accepting every change gives the new edition's text, rejecting every change the old one. So a paragraph split
 * or join is an inserted or deleted paragraph mark, a section added or deleted is inserted or deleted with its marks,
 * and a moved section is inserted where it now stands and deleted where it stood (no "moved" label is written: it
 * would be text of neither edition). A heading or list item whose form changed keeps its old form as a formatting
 * change, so rejecting restores it too. The summary goes into the document properties.
 *
 * Headings are numbered by Word's multilevel list, as in the normal DOCX export, so accepting or rejecting a section
 * renumbers the rest.
 */
export async function exportRedlineDocx(comparison: Comparison, options: RedlineDocxOptions): Promise<Uint8Array> {
  if (Number.isNaN(options.date.getTime())) throw new Error('The date of the tracked changes is not a valid date.');
  const revisions = new Revisions(oneLine(options.author) || 'Policywright', wordStamp(options.date));
  const paras = comparison.rows.flatMap((row) => rowParas(comparison.rows, row));
  const hasHeadings = paras.some((para) => para.shape.kind === 'heading');
  const notes = new Footnotes(comparison, revisions);
  const children = bodyParagraphs(paras, revisions, notes);
  const document = new Document({
    ...redlineProperties(comparison, revisions.author),
    styles: docxStyles(hasHeadings),
    numbering: {
      config: [
        { reference: HEADING_NUMBERING, levels: headingLevels(comparison.new.numbering) },
        { reference: BULLET_NUMBERING, levels: bulletLevels() },
        { reference: NUMBER_NUMBERING, levels: numberLevels() },
      ],
    },
    features: { trackRevisions: true },
    footnotes: notes.part(),
    sections: [
      {
        headers: { default: new Header({ children: [pageHeader(comparison, revisions)] }) },
        footers: { default: new Footer({ children: [pageFooter()] }) },
        children,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}

/** Every tracked change needs an id of its own in the document; all share one author and one date. */
class Revisions {
  private next = 1;
  constructor(
    readonly author: string,
    readonly date: string,
  ) {}
  change() {
    return { id: this.next++, author: this.author, date: this.date };
  }
  inserted = (options: IRunOptions): ParagraphChild => new InsertedTextRun({ ...options, ...this.change() });
  deleted = (options: IRunOptions): ParagraphChild => new DeletedTextRun({ ...options, ...this.change() });
}

/**
 * A row's blocks in the document, each run and paragraph mark kept, inserted or deleted. A moved section is written
 * whole where it now stands, inserted, and whole where it stood (its move-origin row), deleted: each edition reads
 * right, and a reviewer accepts or rejects the move as two changes.
 */
function rowParas(rows: readonly Row[], row: Row): RedlinePara[] {
  if (!isSectionRow(row)) {
    const target = rows[row.target];
    const old = target && isSectionRow(target) ? target.old : null;
    return old ? wholeParas(old.blocks, old.depth, 'delete') : [];
  }
  const { old, new: now } = row;
  switch (row.status) {
    case 'added':
    case 'moved':
      return now ? wholeParas(now.blocks, now.depth, 'insert') : [];
    case 'deleted':
      return old ? wholeParas(old.blocks, old.depth, 'delete') : [];
    case 'unchanged':
    case 'changed':
    case 'split':
    case 'merged': {
      const sides = { oldBlocks: old?.blocks ?? null, oldDepth: old?.depth ?? 0, newDepth: now?.depth ?? old?.depth ?? 0 };
      if (row.redline !== null) return redlineParas(row.redline, sides);
      // Words unchanged: the new blocks, each kept, still carrying the old form of a heading or list item that changed.
      return redlineParas(keptBlocks(now?.blocks ?? old?.blocks ?? []), sides);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Paragraphs

type Form = Pick<IParagraphOptions, 'heading' | 'numbering'>;

/**
 * The paragraphs, with each one's form in the edition that owns its mark. Lists are numbered twice, once as the new
 * edition reads (the blocks whose marks it keeps) and once as the old one does: Word numbers a list by its instance,
 * so a list item whose instance differs between the two gets the old one as a formatting change. An old list that is
 * also a new list shares its instance, so only real changes show.
 */
function bodyParagraphs(allParas: readonly RedlinePara[], revisions: Revisions, notes: Footnotes): Array<Paragraph | Table> {
  const paras = endOnKeptMark(allParas);
  const inNew = paras.map((para) => (para.mark === 'delete' ? null : { shape: para.shape, depth: para.depth }));
  const inOld = paras.map((para) => (para.mark === 'insert' ? null : (para.was ?? { shape: para.shape, depth: para.depth })));
  const newPlaces = placesIn(inNew, 0);
  const newSequences = newPlaces.nextSequence;
  const oldPlaces = placesIn(inOld, 0);
  const oldInstance = oldInstances(paras, newPlaces.places, oldPlaces.places, newSequences);

  const formIn = (view: 'new' | 'old', i: number): Form => {
    const at = (view === 'new' ? inNew : inOld)[i];
    if (!at) return {};
    if (at.shape.kind === 'heading') {
      const level = Math.min(Math.max(at.depth, 1), HEADING_STYLES.length) - 1;
      // A heading that takes no number is out of the multilevel list, which then numbers the others as if it were not there.
      if (at.shape.unnumbered) return { heading: HEADING_STYLES[level] };
      return { heading: HEADING_STYLES[level], numbering: { reference: HEADING_NUMBERING, level, custom: true } };
    }
    const place = (view === 'new' ? newPlaces : oldPlaces).places[i];
    if (at.shape.kind !== 'list-item' || !place) return {};
    if (place.list === 'bullet') return { numbering: { reference: BULLET_NUMBERING, level: place.depth } };
    const instance = view === 'new' ? place.sequence + 1 : (oldInstance.get(place.sequence) ?? place.sequence + 1);
    return { numbering: { reference: NUMBER_NUMBERING, level: place.depth, instance } };
  };

  return paras.flatMap((para, i) => {
    if (para.table) return tableParts(para.table, revisions, notes);
    const form = para.mark === 'delete' ? formIn('old', i) : formIn('new', i);
    const was = para.mark === 'equal' ? formIn('old', i) : form;
    const children = segmentRuns(para.segments, revisions, notes);
    return new Paragraph({
      ...form,
      ...(sameDocxForm(form, was) ? {} : { revision: { ...was, ...revisions.change() } }),
      ...(para.mark === 'insert' ? { run: { insertion: revisions.change() } } : {}),
      ...(para.mark === 'delete' ? { run: { deletion: revisions.change() } } : {}),
      children,
    });
  });
}

/**
 * A document's last paragraph mark cannot go: Word and LibreOffice keep it whatever a reviewer rejects, so a section
 * added at the end would leave an empty numbered heading behind when rejected (and one deleted at the end an empty
 * paragraph when accepted). As Word does itself, the change goes on the mark before the added or deleted paragraphs
 * instead, and the last mark is kept, carrying the form of the paragraph that ends there in the other edition. The
 * text is the same either way; only where the paragraph breaks are tracked moves.
 */
function endOnKeptMark(paras: readonly RedlinePara[]): readonly RedlinePara[] {
  const last = paras[paras.length - 1];
  // A table's rows are tracked row by row, and a document ends on a paragraph after a table: an empty one, kept.
  if (last?.table) return [...paras, { shape: { kind: 'paragraph' }, depth: 0, mark: 'equal', segments: [] }];
  if (!last || last.mark === 'equal') return paras;
  const op = last.mark;
  let start = paras.length - 1;
  while (start > 0 && paras[start - 1]?.mark === op) start--;
  const before = paras[start - 1];
  const tail = paras.slice(start);
  // Only when the tail is wholly added or wholly deleted: then the edition without it has no text after `before`.
  if (!before || before.table || before.mark !== 'equal' || !tail.every((para) => !para.table && para.segments.every((segment) => segment.op === op))) return paras;
  const beforeNew = { shape: before.shape, depth: before.depth };
  const beforeOld = before.was ?? beforeNew;
  const lastForm = { shape: last.shape, depth: last.depth };
  const [nowForm, wasForm] = op === 'insert' ? [lastForm, beforeOld] : [beforeNew, lastForm];
  const kept: RedlinePara = { shape: nowForm.shape, depth: nowForm.depth, mark: 'equal', segments: last.segments, ...(sameParaForm(nowForm, wasForm) ? {} : { was: wasForm }) };
  const movedForm = op === 'insert' ? beforeNew : beforeOld;
  const moved: RedlinePara = { shape: movedForm.shape, depth: movedForm.depth, mark: op, segments: before.segments };
  return [...paras.slice(0, start - 1), moved, ...tail.slice(0, -1), kept];
}

function placesIn(view: ReadonlyArray<{ shape: RedlinePara['shape'] } | null>, first: number) {
  const indices: number[] = [];
  view.forEach((at, i) => {
    if (at) indices.push(i);
  });
  const { places, nextSequence } = listPlaces(indices.map((i) => view[i]?.shape ?? null), first);
  const all: (ListPlace | null)[] = new Array<ListPlace | null>(view.length).fill(null);
  indices.forEach((i, k) => {
    all[i] = places[k] ?? null;
  });
  return { places: all, nextSequence };
}

/**
 * The instance each old numbered list is written with: the new list that kept most of its items, at the same depth,
 * when no other old list shares more with that one (the list is the same list in both editions); else one of its own
 * after the new ones.
 */
function oldInstances(
  paras: readonly RedlinePara[],
  newPlaces: readonly (ListPlace | null)[],
  oldPlaces: readonly (ListPlace | null)[],
  newSequences: number,
): Map<number, number> {
  const shared = new Map<string, { old: number; now: number; count: number; first: number }>();
  paras.forEach((para, i) => {
    const old = oldPlaces[i];
    const now = newPlaces[i];
    if (para.mark !== 'equal' || old?.list !== 'number' || now?.list !== 'number' || old.depth !== now.depth) return;
    const key = `${old.sequence}:${now.sequence}`;
    const pair = shared.get(key) ?? { old: old.sequence, now: now.sequence, count: 0, first: i };
    pair.count += 1;
    shared.set(key, pair);
  });
  const out = new Map<number, number>();
  const taken = new Set<number>();
  for (const pair of [...shared.values()].sort((a, b) => b.count - a.count || a.first - b.first)) {
    if (out.has(pair.old) || taken.has(pair.now)) continue;
    out.set(pair.old, pair.now + 1);
    taken.add(pair.now);
  }
  let fresh = newSequences + 1;
  for (const old of oldPlaces) if (old?.list === 'number' && !out.has(old.sequence)) out.set(old.sequence, fresh++);
  return out;
}

function sameDocxForm(a: Form, b: Form): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Segments as Word runs: kept, inserted or deleted. Kept words whose link changed are written as Word records an edited
 * hyperlink with tracking on: the words with the old address deleted and with the new one inserted, so rejecting and
 * accepting give each edition its link (Word tracks no change of a hyperlink's address alone). A footnote's mark is
 * Word's own footnote reference.
 */
function segmentRuns(segments: readonly RedlineSegment[], revisions: Revisions, notes: Footnotes): ParagraphChild[] {
  return segments.flatMap((segment) => {
    if (segment.note !== undefined) return notes.mark(segment.note, segment.op);
    if (segment.op === 'equal' && segment.linkWas !== undefined) {
      const old = segment.runs.map((run) => {
        const { href: _now, ...rest } = run;
        return segment.linkWas === null ? rest : { ...rest, href: segment.linkWas };
      });
      return [...docxRuns(old, revisions.deleted), ...docxRuns(segment.runs, revisions.inserted)];
    }
    return segment.op === 'equal' ? docxRuns(segment.runs) : docxRuns(segment.runs, segment.op === 'insert' ? revisions.inserted : revisions.deleted);
  });
}

/**
 * A table: its caption as a paragraph above it, then its rows. A row inserted or deleted whole is a tracked row
 * (w:trPr w:ins or w:del) whose text is inserted or deleted too; a kept row's cells carry their words' changes. A table
 * deleted or inserted whole has every row so.
 */
function tableParts(table: RedlineTablePara, revisions: Revisions, notes: Footnotes): Array<Paragraph | Table> {
  const parts: Array<Paragraph | Table> = [];
  if (table.caption) parts.push(new Paragraph({ style: 'Caption', children: segmentRuns(table.caption, revisions, notes) }));
  const rows = table.rows.map(
    (row, r) =>
      new TableRow({
        tableHeader: table.header && r === 0,
        ...(row.op === 'insert' ? { insertion: revisions.change() } : {}),
        ...(row.op === 'delete' ? { deletion: revisions.change() } : {}),
        children: row.cells.map(
          (cell) =>
            new TableCell({
              children: [
                new Paragraph({
                  ...(row.op === 'insert' ? { run: { insertion: revisions.change() } } : {}),
                  ...(row.op === 'delete' ? { run: { deletion: revisions.change() } } : {}),
                  children: segmentRuns(cell, revisions, notes),
                }),
              ],
            }),
        ),
      }),
  );
  parts.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  return parts;
}

/**
 * The redline's footnotes: every note of the comparison (Word numbers them again in the order of their marks), its
 * text with its changes tracked. A mark is Word's footnote reference, in a w:ins or w:del when the note came or went
 * (its text inserted or deleted with it), so accepting or rejecting every change gives each edition its notes.
 */
class Footnotes {
  private readonly ids = new Map<string, number>();
  private readonly notes: Record<number, { children: Paragraph[] }> = {};
  constructor(
    comparison: Comparison,
    private readonly revisions: Revisions,
  ) {
    comparison.notes.forEach((note, i) => {
      const id = i + 1;
      this.ids.set(note.id, id);
      this.notes[id] = { children: [new Paragraph({ style: 'FootnoteText', children: segmentRuns(segmentsOf(note.runs), revisions, this) })] };
    });
  }
  mark(note: string, op: RedlineSegment['op']): ParagraphChild[] {
    const id = this.ids.get(note);
    if (id === undefined) return [];
    if (op === 'equal') return [new FootnoteReferenceRun(id)];
    const options = { style: 'FootnoteReference', children: [new FootnoteReference(id)] };
    return [op === 'insert' ? this.revisions.inserted(options) : this.revisions.deleted(options)];
  }
  part(): Record<number, { children: Paragraph[] }> {
    return this.notes;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Around the body

/** The policy's title at the top of every page, as in the normal export, its change tracked when it changed. */
function pageHeader(comparison: Comparison, revisions: Revisions): Paragraph {
  const before = oneLine(comparison.old.title);
  const after = oneLine(comparison.new.title);
  const style = { size: 18, color: MUTED };
  const children =
    before === after
      ? [new TextRun({ text: after, ...style })]
      : [
          ...(before === '' ? [] : [revisions.deleted({ text: before, ...style })]),
          ...(after === '' ? [] : [revisions.inserted({ text: after, ...style })]),
        ];
  return new Paragraph({ alignment: AlignmentType.RIGHT, children });
}

function pageFooter(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ size: 18, color: MUTED, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
}

/** What Word shows under File ▸ Info: the comparison as the title, the summary as the description and one by one. */
function redlineProperties(comparison: Comparison, author: string) {
  const s = comparison.summary;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const description =
    `${plural(s.changed, 'section', 'sections')} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved; ` +
    `${plural(s.wordsInserted, 'word', 'words')} inserted, ${s.wordsDeleted} deleted.`;
  const custom: Array<{ name: string; value: string }> = [
    { name: 'Compared from', value: oneLine(comparison.old.label) },
    { name: 'Compared to', value: oneLine(comparison.new.label) },
    { name: 'Sections changed', value: String(s.changed) },
    { name: 'Sections added', value: String(s.added) },
    { name: 'Sections deleted', value: String(s.deleted) },
    { name: 'Sections moved', value: String(s.moved) },
    { name: 'Sections split off', value: String(s.split) },
    { name: 'Sections merged', value: String(s.merged) },
    { name: 'Words inserted', value: String(s.wordsInserted) },
    { name: 'Words deleted', value: String(s.wordsDeleted) },
    { name: 'Words moved', value: String(s.wordsMoved) },
    { name: 'Links changed', value: String(s.linksChanged) },
    ...comparison.metadata.map((change) => ({
      name: `${oneLine(change.label)} changed`,
      value: `${oneLine(change.old) || 'none'} → ${oneLine(change.new) || 'none'}`,
    })),
  ];
  return {
    title: redlineTitle(comparison),
    subject: oneLine(comparison.new.title),
    creator: author,
    lastModifiedBy: author,
    description,
    keywords: 'policy, redline, tracked changes',
    customProperties: custom.filter((property) => property.value !== ''),
  };
}
