import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { DEFAULT_TABLE } from './table-commands';

interface Props {
  /** Inserts the table; returns what is wrong with the size, or null when it was inserted. */
  onSubmit: (rows: number, columns: number, header: boolean) => string | null;
  onCancel: () => void;
}

/** Insert table: how many rows and columns (3 × 3 with a header row unless changed), as Word's Insert Table asks. */
export function TablePrompt({ onSubmit, onCancel }: Props) {
  const [rows, setRows] = useState(String(DEFAULT_TABLE.rows));
  const [columns, setColumns] = useState(String(DEFAULT_TABLE.columns));
  const [header, setHeader] = useState<boolean>(DEFAULT_TABLE.header);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title="Insert table"
      className="table-prompt"
      onClose={onCancel}
      onSubmit={() => setError(onSubmit(Number(rows), Number(columns), header))}
      cancel="Cancel"
      actions={
        <button type="submit" className="primary">
          Insert
        </button>
      }
    >
      <label className="field">
        <span>Rows</span>
        <input autoFocus type="number" min={1} value={rows} onChange={(e) => setRows(e.target.value)} />
      </label>
      <label className="field">
        <span>Columns</span>
        <input type="number" min={1} value={columns} onChange={(e) => setColumns(e.target.value)} />
      </label>
      <label className="field checkbox">
        <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} />
        <span>First row is a header row</span>
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
