import { memo, type ReactNode } from 'react';
import type { SideBlock } from '../../shared/compare/sides';
import type { NoteChange, RedlineRun, RedlineTable } from '../../shared/compare/types';

/** The comparison's notes by id: a footnote's mark shows its number, and says when its note changed. */
export type NotesById = ReadonlyMap<string, NoteChange>;
const NO_NOTES: NotesById = new Map();

/** A section's blocks, with inserted text underlined and deleted text struck through (and named so for screen readers). */
export const RedlineText = memo(function RedlineText({ blocks, label, notes = NO_NOTES }: { blocks: readonly SideBlock[]; label: string; notes?: NotesById }) {
  const items: ReactNode[] = [];
  blocks.forEach((block, index) => {
    const runs = runViews(block.runs, notes);
    const shape = block.block;
    if (block.table) {
      items.push(<TableView key={index} table={block.table} notes={notes} />);
    } else if (shape.kind === 'heading') {
      items.push(
        <div key={index} role="heading" aria-level={Math.min(shape.level + 1, 6)} className={`cmp-heading depth-${shape.level}`}>
          {label ? <span className="cmp-number">{label}</span> : null}
          <span>{runs.length > 0 ? runs : '\u00a0'}</span>
        </div>,
      );
    } else if (shape.kind === 'list-item') {
      items.push(
        <p key={index} className={`cmp-list ${shape.list} indent-${shape.indent}`}>
          {runs}
        </p>,
      );
    } else {
      items.push(<p key={index}>{runs.length > 0 ? runs : '\u00a0'}</p>);
    }
  });
  return <>{items}</>;
});

function runViews(runs: readonly RedlineRun[], notes: NotesById): ReactNode[] {
  return runs.map((run, i) => <RunView key={i} run={run} notes={notes} />);
}

/** A table: a row inserted or deleted whole is marked so (and named so for screen readers), a kept row shows its cells' changes. */
function TableView({ table, notes }: { table: RedlineTable; notes: NotesById }) {
  const [first, ...rest] = table.rows;
  const row = (r: RedlineTable['rows'][number], key: number, header: boolean) => (
    <tr key={key} className={r.op === 'insert' ? 'row-inserted' : r.op === 'delete' ? 'row-deleted' : undefined}>
      {r.cells.map((cell, c) => {
        const content = (
          <>
            {c === 0 && r.op !== 'equal' ? <span className="visually-hidden">{r.op === 'insert' ? 'Row inserted: ' : 'Row deleted: '}</span> : null}
            {runViews(cell, notes)}
          </>
        );
        return header ? <th key={c} scope="col">{content}</th> : <td key={c}>{content}</td>;
      })}
    </tr>
  );
  return (
    <>
      {table.headerWas !== undefined && table.headerWas !== table.header ? (
        <p className="cmp-absent">{table.header ? 'First row now a header row' : 'First row no longer a header row'}</p>
      ) : null}
      <table className="cmp-table">
        {table.caption && table.caption.length > 0 ? <caption>{runViews(table.caption, notes)}</caption> : null}
        {table.header && first ? <thead>{row(first, 0, true)}</thead> : null}
        <tbody>{(table.header ? rest : table.rows).map((r, i) => row(r, i + (table.header ? 1 : 0), false))}</tbody>
      </table>
    </>
  );
}

function RunView({ run, notes }: { run: RedlineRun; notes: NotesById }) {
  let content: ReactNode = run.text;
  if (run.note !== undefined) {
    const note = notes.get(run.note);
    const changed = note?.status === 'changed';
    content = (
      <sup className={`cmp-note${changed ? ' changed' : ''}`} title={changed ? 'This footnote changed: see Notes below' : 'Footnote'}>
        {note?.number ?? '*'}
      </sup>
    );
  } else {
    if (run.marks?.includes('bold')) content = <strong>{content}</strong>;
    if (run.marks?.includes('italic')) content = <em>{content}</em>;
    if (run.marks?.includes('underline')) content = <u>{content}</u>;
    if (run.marks?.includes('superscript')) content = <sup>{content}</sup>;
    if (run.marks?.includes('subscript')) content = <sub>{content}</sub>;
    // Links are shown, not followed: a comparison is for reading.
    if (run.linkWas !== undefined) {
      const was = run.linkWas ?? 'no link';
      const now = run.link ?? 'no link';
      content = (
        <span className="cmp-link cmp-link-changed" title={`Link changed from ${was} to ${now}`}>
          {content}
          <span className="visually-hidden"> (link changed from {was} to {now})</span>
        </span>
      );
    } else if (run.link) content = <span className="cmp-link" title={run.link}>{content}</span>;
  }
  if (run.op === 'insert') return <ins>{content}</ins>;
  if (run.op === 'delete') return <del>{content}</del>;
  return <>{content}</>;
}
