import type { Comparison, MetadataChange, MoveOrigin, NoteChange, Row, SectionRow, SectionSide } from '../compare/types';
import { isSectionRow } from '../compare/types';
import { longDay } from '../model/dates';
import { escapeHtml } from './html-escape';
import { inlineHtml } from './html-inline';
import { listItemsHtml } from './html-list';
import { htmlPage } from './html-page';
import {
  listPlaces,
  redlineParas,
  redlineTitle,
  segments as segmentsOf,
  wholeParas,
  type ListPlace,
  type RedlineSegment,
  type RedlinePara,
  type RedlineTablePara,
} from './redline-blocks';
import { REDLINE_STYLE } from './redline-style';
import { oneLine } from './text';

/**
 * A comparison as one standalone HTML page, for people to read and print: the summary and the changed document
 * details first, then the whole policy in reading order with insertions as <ins> and deletions as <del>. Like the
 * normal HTML export it runs no script and fetches nothing, and every piece of text is escaped.
 *
 * Inserted text is underlined and deleted text struck through as well as coloured, and a screen reader hears where
 * each change starts and ends, so the changes never rest on colour alone.
 */
export function exportRedlineHtml(comparison: Comparison): string {
  const anchors = sectionAnchors(comparison.rows);
  const headingLevels = new HeadingLevels();
  const notes: Notes = new Map(comparison.notes.map((note) => [note.id, note]));
  const rows = comparison.rows.map((row, index) => rowHtml(comparison.rows, row, index, anchors, headingLevels, notes)).filter((part) => part !== '');
  const content = `<main>
${summaryHtml(comparison)}
${metadataHtml(comparison)}
<section class="redline" aria-labelledby="redline-text">
<h2 id="redline-text">Text with changes</h2>
${rows.join('\n')}
</section>
${notesHtml(comparison.notes, notes)}
</main>`;
  return htmlPage(redlineTitle(comparison), REDLINE_STYLE, editionsHtml(comparison), content);
}

function editionsHtml(comparison: Comparison): string {
  return [
    `<p class="editions">From <strong>${escapeHtml(oneLine(comparison.old.label))}</strong> to <strong>${escapeHtml(oneLine(comparison.new.label))}</strong>.`,
    'Inserted text is <ins>underlined</ins>, deleted text is <del>struck through</del>.</p>',
  ].join(' ');
}

// ---------------------------------------------------------------------------------------------------------------------
// Summary and document details

const SUMMARY: ReadonlyArray<readonly [keyof Comparison['summary'], string]> = [
  ['changed', 'Sections changed'],
  ['added', 'Sections added'],
  ['deleted', 'Sections deleted'],
  ['moved', 'Sections moved'],
  ['split', 'Sections split off'],
  ['merged', 'Sections merged'],
  ['unchanged', 'Sections unchanged'],
  ['wordsInserted', 'Words inserted'],
  ['wordsDeleted', 'Words deleted'],
  ['wordsMoved', 'Words moved'],
  ['linksChanged', 'Links changed'],
];

function summaryHtml(comparison: Comparison): string {
  const items = SUMMARY.map(([key, label]) => `<dt>${label}</dt><dd data-summary="${key}">${formatCount(comparison.summary[key])}</dd>`);
  return ['<section class="summary" aria-labelledby="summary">', '<h2 id="summary">Summary</h2>', '<dl>', ...items, '</dl>', '</section>'].join('\n');
}

/** 12345 → "12,345", the same on every machine whatever its locale. */
function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const NUMBERING_NAMES: Readonly<Record<string, string>> = {
  decimal: 'Decimal (1, 1.1, 1.1.1)',
  'letter-decimal': 'Letters, then decimal (A., 1., 1.1)',
  'article-section': 'Article and Section (Article I, Section 1.01)',
  'section-sign': 'Section sign (§ 1, § 1.1)',
};

function metadataHtml(comparison: Comparison): string {
  if (comparison.metadata.length === 0) return '';
  const value = (change: MetadataChange, side: 'old' | 'new') => {
    const raw = oneLine(change[side]);
    if (raw === '') return '<span class="none">none</span>';
    const shown =
      change.field === 'effectiveDate' || change.field === 'lastUpdated'
        ? longDay(raw)
        : change.field === 'numbering'
          ? (NUMBERING_NAMES[raw] ?? raw)
          : raw;
    return side === 'old' ? `<del>${escapeHtml(shown)}</del>` : `<ins>${escapeHtml(shown)}</ins>`;
  };
  return [
    '<section class="details" aria-labelledby="details">',
    '<h2 id="details">Document details</h2>',
    '<table>',
    `<thead><tr><th scope="col">Detail</th><th scope="col">${escapeHtml(oneLine(comparison.old.label))}</th><th scope="col">${escapeHtml(oneLine(comparison.new.label))}</th></tr></thead>`,
    '<tbody>',
    ...comparison.metadata.map(
      (change) => `<tr><th scope="row">${escapeHtml(oneLine(change.label))}</th><td>${value(change, 'old')}</td><td>${value(change, 'new')}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// Rows

/**
 * Every section's anchor: its stable id, as in the normal export, so a link into the policy finds the section here
 * too. A deleted section keeps its old id unless a section of the new edition has it; the place a moved section left
 * gets "moved-from-" and its id.
 */
type Anchors = ReadonlyMap<number, string>;

function sectionAnchors(rows: readonly Row[]): Anchors {
  const used = new Set<string>(['summary', 'details', 'redline-text']);
  const ofRow = new Map<number, string>();
  const claim = (index: number, wanted: string) => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
    used.add(id);
    ofRow.set(index, id);
  };
  // Sections of the new edition first: their ids are the ones links from outside point at.
  rows.forEach((row, index) => {
    if (isSectionRow(row) && row.new !== null) claim(index, row.new.id);
  });
  rows.forEach((row, index) => {
    if (isSectionRow(row) && row.new === null && row.old !== null) claim(index, row.old.id);
    if (!isSectionRow(row)) {
      const target = rows[row.target];
      const id = target && isSectionRow(target) ? (target.old?.id ?? target.new?.id ?? String(row.target)) : String(row.target);
      claim(index, `moved-from-${id}`);
    }
  });
  return ofRow;
}

/**
 * Heading levels that never skip one: h1 is the page's title, a section of depth 1 is an h2 as in the normal export,
 * and a deleted section deep in the old outline after a shallow new one is brought up so the outline stays whole.
 */
class HeadingLevels {
  private last = 2;
  next(depth: number): number {
    const level = Math.max(2, Math.min(depth + 1, this.last + 1, 6));
    this.last = level;
    return level;
  }
}

function rowHtml(rows: readonly Row[], row: Row, index: number, anchors: Anchors, levels: HeadingLevels, notes: Notes): string {
  const anchor = anchors.get(index) ?? `row-${index}`;
  if (!isSectionRow(row)) return moveOriginHtml(rows, row, anchor, anchors);
  const side = row.new ?? row.old;
  if (side === null) return '';
  const paras = rowParas(row);
  const heading = headingHtml(rows, row, side, anchor, anchors, levels, paras[0], notes);
  const rest = heading === '' ? paras : paras.slice(1);
  const body = blocksHtml(rest, notes);
  const parts = [heading, body].filter((part) => part !== '');
  if (parts.length === 0) return '';
  return [`<div class="row ${row.status}">`, ...parts, '</div>'].join('\n');
}

/** The blocks to show for a row: its redline when its words changed, else its text as it stands, kept, added or gone. */
function rowParas(row: SectionRow): RedlinePara[] {
  switch (row.status) {
    case 'added':
      return wholeParas(row.new?.blocks ?? [], row.new?.depth ?? 0, 'insert');
    case 'deleted':
      return wholeParas(row.old?.blocks ?? [], row.old?.depth ?? 0, 'delete');
    default:
      if (row.redline !== null) {
        return redlineParas(row.redline, { oldBlocks: row.old?.blocks ?? null, oldDepth: row.old?.depth ?? 0, newDepth: row.new?.depth ?? 0 });
      }
      return wholeParas(row.new?.blocks ?? row.old?.blocks ?? [], (row.new ?? row.old)?.depth ?? 0, 'equal');
  }
}

function headingHtml(
  rows: readonly Row[],
  row: SectionRow,
  side: SectionSide,
  anchor: string,
  anchors: Anchors,
  levels: HeadingLevels,
  first: RedlinePara | undefined,
  notes: Notes,
): string {
  // A merged section's row begins with its deleted heading, which the old side's depth places.
  const depth = row.status === 'merged' ? (row.old?.depth ?? side.depth) : side.depth;
  if (depth === 0 || first?.shape.kind !== 'heading') return '';
  const tag = `h${levels.next(depth)}`;
  const status = statusHtml(rows, row, anchors);
  const text = segmentsHtml(first.segments, notes, { lineBreaks: false });
  return `<${tag} id="${escapeHtml(anchor)}">${numberHtml(row)} ${text}${markHtml(first)}${status}</${tag}>`;
}

function numberHtml(row: SectionRow): string {
  const label = (side: SectionSide | null) => escapeHtml(oneLine(side?.label ?? ''));
  // A split-off section has its own new number; a merged one its old number, now gone.
  if (row.status === 'split') return `<span class="section-number">${label(row.new)}</span>`;
  if (row.status === 'merged') return `<span class="section-number"><span class="old-number">${label(row.old)}</span></span>`;
  if (row.renumbered && row.status !== 'moved' && row.old !== null && row.new !== null) {
    return `<span class="section-number renumbered"><span class="old-number">${label(row.old)}</span> → ${label(row.new)}</span>`;
  }
  return `<span class="section-number">${label(row.new ?? row.old)}</span>`;
}

/** A word after the heading of a section that was added, deleted or moved, so that is not told by colour alone. */
function statusHtml(rows: readonly Row[], row: SectionRow, anchors: Anchors): string {
  switch (row.status) {
    case 'added':
      return ' <span class="status">Added</span>';
    case 'deleted':
      return ' <span class="status">Deleted</span>';
    case 'split':
      return ` <span class="status">Split from ${escapeHtml(oneLine(row.old?.number || row.old?.title || ''))}</span>`;
    case 'merged':
      return ` <span class="status">Merged into ${escapeHtml(oneLine(row.new?.number || row.new?.title || ''))}</span>`;
    case 'changed':
      if (row.numbering === 'now-unnumbered') return ' <span class="status">Now without a number</span>';
      if (row.numbering === 'now-numbered') return ' <span class="status">Now numbered</span>';
      return '';
    case 'moved': {
      if (row.carried) return ' <span class="status">Moved with its section</span>';
      const origin = rows.findIndex((other) => !isSectionRow(other) && rows[other.target] === row);
      const from = escapeHtml(oneLine(row.old?.number || row.old?.label || ''));
      const fromHtml = origin >= 0 ? `<a href="#${escapeHtml(anchors.get(origin) ?? '')}">${from}</a>` : from;
      return ` <span class="status">Moved from ${fromHtml}</span>`;
    }
    default:
      return '';
  }
}

/** The slim line where a moved section used to stand: "3.2 Retention — moved to 5.1", linked to where it went. */
function moveOriginHtml(rows: readonly Row[], row: MoveOrigin, anchor: string, anchors: Anchors): string {
  const target = rows[row.target];
  // A subsection that moved with its section needs no line of its own: its section's line says where they went.
  if (!target || !isSectionRow(target) || target.carried) return '';
  const old = target.old;
  const now = target.new;
  const number = escapeHtml(oneLine(old?.label || old?.number || ''));
  const title = escapeHtml(oneLine(old?.title ?? ''));
  const to = escapeHtml(oneLine(now?.number || now?.label || ''));
  const href = escapeHtml(anchors.get(row.target) ?? '');
  const name = [number, title].filter((part) => part !== '').join(' ');
  return `<p class="move-origin" id="${escapeHtml(anchor)}">${name} — moved to <a href="#${href}">${to === '' ? 'its new place' : to}</a></p>`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Blocks

type Grouped = { kind: 'para'; html: string } | { kind: 'list'; items: Array<ListPlace & { html: string }> };

function blocksHtml(paras: readonly RedlinePara[], notes: Notes): string {
  const { places } = listPlaces(paras.map((para) => para.shape));
  const groups: Grouped[] = [];
  paras.forEach((para, i) => {
    if (para.table) {
      groups.push({ kind: 'para', html: tableHtml(para.table, para.mark, notes) });
      return;
    }
    const mark = markHtml(para);
    const html = `${segmentsHtml(para.segments, notes, { breakBefore: (paras[i - 1]?.mark ?? 'equal') !== 'equal', breakAfter: mark !== '' })}${mark}`;
    const place = places[i];
    if (!place) {
      // An empty paragraph is spacing in the editor; in HTML it is only an empty element that tidy complains about.
      if (mark === '' && para.segments.every((segment) => segment.runs.every((run) => run.text.trim() === ''))) return;
      // A heading that is not its section's first block (no well-formed comparison has one) is written as a paragraph.
      groups.push({ kind: 'para', html: `<p>${html}</p>` });
      return;
    }
    // listPlaces numbers consecutive items as one list, so an item right after another joins its list.
    const last = groups[groups.length - 1];
    const item = { ...place, html };
    if (last?.kind === 'list' && places[i - 1]) last.items.push(item);
    else groups.push({ kind: 'list', items: [item] });
  });
  return groups.map((group) => (group.kind === 'para' ? group.html : listItemsHtml(group.items, (item) => item.html))).join('\n');
}

/**
 * The runs with their changes. A change that is only white space shows as a space of its own, inserted or deleted,
 * unless it sits against a paragraph break that changed (a split or a join), whose pilcrow already tells it.
 */
function segmentsHtml(
  segments: readonly RedlineSegment[],
  notes: Notes,
  around: { breakBefore?: boolean; breakAfter?: boolean; lineBreaks?: boolean } = {},
): string {
  return segments
    .map((segment, k) => {
      if (segment.note !== undefined) return noteMarkHtml(segment, notes);
      let html = inlineHtml(segment.runs, { lineBreaks: around.lineBreaks ?? true });
      if (segment.linkWas !== undefined) html = linkChangeHtml(html, segment.linkWas);
      if (segment.op === 'equal') return html;
      const tag = segment.op === 'insert' ? 'ins' : 'del';
      if (segment.runs.every((run) => run.text.trim() === '')) {
        if ((k === 0 && around.breakBefore) || (k === segments.length - 1 && around.breakAfter)) return '';
        const title = segment.op === 'insert' ? 'Space inserted' : 'Space deleted';
        return `<${tag} class="space" title="${title}">&#160;</${tag}>`;
      }
      return `<${tag}>${html}</${tag}>`;
    })
    .join('');
}

/**
 * A paragraph break that came or went inside a section (a paragraph split in two, two joined into one) shows as a
 * pilcrow, inserted or deleted. A block that came or went whole needs none: its text already says so.
 */
function markHtml(para: RedlinePara): string {
  if (para.mark === 'equal') return '';
  if (para.segments.every((segment) => segment.op === para.mark)) return '';
  return para.mark === 'insert'
    ? '<ins class="break" title="Paragraph break inserted">¶</ins>'
    : '<del class="break" title="Paragraph break deleted">¶</del>';
}

// ---------------------------------------------------------------------------------------------------------------------
// Link changes, tables and footnotes

/**
 * Kept words whose link changed: the words as they are, marked, with the address they had. The old address is shown
 * by the stylesheet from an attribute, so the page's text stays the new edition's words (and the old one's once the
 * insertions are taken out), and a reader of the page hears it.
 */
function linkChangeHtml(html: string, linkWas: string | null): string {
  const was = linkWas === null ? 'no link' : oneLine(linkWas);
  return `<span class="link-change" data-link-was="${escapeHtml(was)}" title="Link changed from ${escapeHtml(was)}">${html}</span>`;
}

/**
 * A table: a row kept is drawn with its cells' changes, a row inserted or deleted whole is marked as such (the row
 * tinted and its text inserted or deleted), and a table inserted or deleted whole has every row so.
 */
function tableHtml(table: RedlineTablePara, mark: RedlinePara['mark'], notes: Notes): string {
  const whole = mark === 'insert' ? ' table-inserted' : mark === 'delete' ? ' table-deleted' : '';
  // A header row that came or went changes no words: said in words the page does not count as the policy's.
  const header = table.headerWas === undefined ? '' : `<p class="table-form"><span class="status">${table.header ? 'First row now a header row' : 'First row no longer a header row'}</span></p>\n`;
  const lines = [`${header}<table class="redline-table${whole}">`];
  if (table.caption && table.caption.length > 0) lines.push(`<caption>${segmentsHtml(table.caption, notes)}</caption>`);
  table.rows.forEach((row, r) => {
    const header = table.header && r === 0;
    const cls = row.op === 'insert' ? ' class="row-inserted"' : row.op === 'delete' ? ' class="row-deleted"' : '';
    const cells = row.cells.map((cell) => (header ? `<th scope="col">${segmentsHtml(cell, notes)}</th>` : `<td>${segmentsHtml(cell, notes)}</td>`)).join('');
    const wrapped = `<tr${cls}>${cells}</tr>`;
    lines.push(header ? `<thead>${wrapped}</thead>` : wrapped);
  });
  lines.push('</table>');
  return lines.join('\n');
}

/** The comparison's notes by id: a note's mark shows its number. */
type Notes = ReadonlyMap<string, NoteChange>;

/** A footnote's mark: its number, linked to its note, inserted or deleted with it; a note whose text changed says so. */
function noteMarkHtml(segment: RedlineSegment, notes: Notes): string {
  const note = segment.note === undefined ? undefined : notes.get(segment.note);
  if (!note) return '';
  const changed = note.status === 'changed' ? ' note-changed' : '';
  const mark = `<sup class="note-mark${changed}"><a href="#note-${escapeHtml(note.id)}">${note.number}</a></sup>`;
  return segment.op === 'insert' ? `<ins>${mark}</ins>` : segment.op === 'delete' ? `<del>${mark}</del>` : mark;
}

/** The notes part: every footnote with its changes, numbered as its edition numbers it. */
function notesHtml(list: readonly NoteChange[], notes: Notes): string {
  if (list.length === 0) return '';
  const status = { unchanged: '', changed: ' <span class="status">Changed</span>', added: ' <span class="status">Added</span>', deleted: ' <span class="status">Deleted</span>' };
  const items = list.map(
    (note) => `<li id="note-${escapeHtml(note.id)}" value="${note.number}">${segmentsHtml(segmentsOf(note.runs), notes)}${status[note.status]}</li>`,
  );
  return ['<section class="notes" aria-labelledby="notes">', '<h2 id="notes">Notes</h2>', '<ol>', ...items, '</ol>', '</section>'].join('\n');
}
