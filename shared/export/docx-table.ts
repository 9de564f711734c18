import type { BlockChange } from '../model/document';
import type { Tracking } from './docx-tracking';
import { changeAttributes } from './docx-tracking';
import type { ExportRun } from './runs';
import type { ExportTable } from './prepare';

export const TABLE_TEXT_STYLE = 'TableText';
export const TABLE_HEADING_STYLE = 'TableHeading';
export const CAPTION_STYLE = 'Caption';

// The width the grid shares out, in twips: an A4 page's text width (the narrower of A4 and Letter with the body's
// margins), so a table fits either page whichever way Word lays it out. The table itself is 100% of the text width.
const TEXT_WIDTH = 9000;
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="8A939C"';
const HEADER_FILL = 'E8ECF0';

/** The Word runs of a cell's or the caption's text, tracked with the table's change (docx-review.ts writes them). */
export type CellRuns = (runs: readonly ExportRun[], change: BlockChange | undefined) => string;

/**
 * A table as WordprocessingML: the caption as a "Caption" paragraph above it (kept with the table), then w:tbl with a
 * grid of equal columns, single borders all round and inside, and the header row, when there is one, marked
 * w:tblHeader so Word and LibreOffice repeat it at the top of each page the table runs onto, shaded and in the bold
 * "Table Heading" style. A row never splits across pages. A table suggested in or out has each row tracked as
 * inserted or deleted (w:trPr's w:ins or w:del) as well as its text, so accepting or rejecting takes the rows too.
 */
export function tableXml(table: ExportTable, runs: CellRuns, tracking: Tracking | undefined, pageBreakBefore: boolean): string {
  const columns = table.rows[0]?.length ?? 1;
  const width = Math.floor(TEXT_WIDTH / columns);
  // Word has no moved rows: the two places of a moved table are a deletion and an insertion.
  const change = tracking && table.change ? asRowChange(table.change) : undefined;
  let xml = '';
  if (table.caption || pageBreakBefore) {
    // A table cannot start a page by itself: the paragraph above it does (an empty one when there is no caption).
    // The paragraph goes with the table when its insertion is rejected or its deletion accepted: its mark is tracked too.
    const mark = change && tracking ? `<w:rPr><w:${change.kind === 'insert' ? 'ins' : 'del'}${changeAttributes(tracking.change(change))}/></w:rPr>` : '';
    const style = table.caption ? `<w:pStyle w:val="${CAPTION_STYLE}"/><w:keepNext/>` : '';
    const properties = `<w:pPr>${style}${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${mark}</w:pPr>`;
    xml += `<w:p>${properties}${table.caption ? runs(table.caption, change) : ''}</w:p>`;
  }
  xml +=
    '<w:tbl><w:tblPr>' +
    '<w:tblW w:w="5000" w:type="pct"/>' +
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>' +
    `<w:tblLook w:val="${table.header ? '04A0' : '0480'}" w:firstRow="${table.header ? 1 : 0}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>` +
    '</w:tblPr>' +
    `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`;
  table.rows.forEach((row, index) => {
    const header = table.header && index === 0;
    const rowMark = change && tracking ? `<w:${change.kind === 'insert' ? 'ins' : 'del'}${changeAttributes(tracking.change(change))}/>` : '';
    xml += `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}${rowMark}</w:trPr>`;
    for (const cell of row) {
      const shading = header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : '';
      xml += `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr><w:p><w:pPr><w:pStyle w:val="${header ? TABLE_HEADING_STYLE : TABLE_TEXT_STYLE}"/></w:pPr>${runs(cell, change)}</w:p></w:tc>`;
    }
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

function asRowChange(change: BlockChange): BlockChange {
  if (change.kind === 'move-to') return { ...change, kind: 'insert' };
  if (change.kind === 'move-from') return { ...change, kind: 'delete' };
  return change;
}
