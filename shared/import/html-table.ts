import type { RawRun, RawTable } from './raw';

const MAX_SPAN = 30;

/**
 * An HTML table as it is read, row by row and cell by cell: colspan gives the cell's text then empty cells, and
 * rowspan empty cells below it, so the grid stays rectangular as the model wants (as the DOCX reader does for Word's
 * merged cells). The first row is a header row when it stands in <thead> or all its cells are <th>.
 */
export class HtmlTable {
  private readonly rows: RawRun[][][] = [];
  private caption: RawRun[] | undefined;
  private firstRowIsHeader = false;
  private row: RawRun[][] | null = null;
  private rowInHead = false;
  private rowAllTh = true;
  /** For each column, how many rows below the current one a cell above still covers. */
  private pending: number[] = [];
  /** The columns of the current row a cell above covers. */
  private occupied: boolean[] = [];

  startRow(inHead: boolean): void {
    this.endRow();
    this.row = [];
    this.rowInHead = inHead;
    this.rowAllTh = true;
    this.occupied = this.pending.map((n) => n > 0);
    this.pending = this.pending.map((n) => Math.max(0, n - 1));
    this.skipOccupied();
  }

  /** A new cell's runs, for the reader to fill. */
  startCell(isHeader: boolean, colspan: number, rowspan: number): RawRun[] {
    if (!this.row) this.startRow(false);
    const row = this.row as RawRun[][];
    if (!isHeader) this.rowAllTh = false;
    this.skipOccupied();
    const runs: RawRun[] = [];
    const span = Number.isFinite(colspan) ? Math.min(Math.max(colspan, 1), MAX_SPAN) : 1;
    const below = (Number.isFinite(rowspan) ? Math.min(Math.max(rowspan, 1), 2000) : 1) - 1;
    const start = row.length;
    row.push(runs);
    for (let i = 1; i < span; i++) row.push([]);
    for (let c = start; c < start + span; c++) this.pending[c] = below;
    this.skipOccupied();
    return runs;
  }

  captionRuns(): RawRun[] {
    this.caption ??= [];
    return this.caption;
  }

  endRow(): void {
    const row = this.row;
    if (!row) return;
    this.skipOccupied();
    this.row = null;
    if (row.length === 0) return;
    if (this.rows.length === 0) this.firstRowIsHeader = this.rowInHead || (this.rowAllTh && row.length > 0);
    this.rows.push(row);
  }

  private skipOccupied(): void {
    const row = this.row as RawRun[][];
    while (this.occupied[row.length] === true) row.push([]);
  }

  finish(): RawTable {
    this.endRow();
    const table: RawTable = { header: this.firstRowIsHeader, rows: this.rows };
    if (this.caption?.some((run) => run.text.trim() !== '' || run.note)) table.caption = this.caption;
    return table;
  }
}
