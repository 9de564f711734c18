import { useId, useRef, useState } from 'react';
import { useSlateStatic } from 'slate-react';
import { Range } from 'slate';
import { commandSpec, type Command } from '../../shared/api/commands';
import { inTable, tableAt } from './table-nodes';
import { useCloseOnClickAway } from '../common/use-close-on-click-away';

interface TableState {
  inTable: boolean;
  header: boolean;
  caption: boolean;
}

/**
 * The toolbar's "Table" menu: Insert table…, and for the table at the cursor its rows, columns, header row, caption,
 * and the table itself away. Where the cursor is is read when the menu opens, never per key.
 */
export function TableMenu({ onCommand }: { onCommand: (command: Command) => void }) {
  const editor = useSlateStatic();
  const listId = useId();
  const [state, setState] = useState<TableState | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = state !== null;
  const close = () => setState(null);

  useCloseOnClickAway(open, button, close);

  const read = (): TableState => {
    const path = editor.selection ? Range.start(editor.selection).path : undefined;
    const table = path && inTable(editor, path) ? tableAt(editor, path[0] as number) : null;
    return { inTable: table !== null, header: table?.header === true, caption: table?.children[0]?.type === 'table-caption' };
  };

  const item = (command: Command, options: { disabled?: boolean; pressed?: boolean } = {}) => (
    <button
      key={command}
      type="button"
      className={`table-command-${command}`}
      disabled={options.disabled}
      aria-pressed={options.pressed}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        close();
        onCommand(command);
      }}
    >
      {commandSpec(command).label}
      {options.pressed ? ' ✓' : ''}
    </button>
  );
  const needsTable = !state?.inTable;
  return (
    <div className="review-menu table-menu">
      <button
        ref={button}
        type="button"
        className="tool tool-table"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? close() : setState(read()))}
      >
        Table ▾
      </button>
      {state ? (
        <div
          id={listId}
          className="review-menu-list"
          role="group"
          aria-label="Table"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
            button.current?.focus();
          }}
        >
          {item('insertTable', { disabled: state.inTable })}
          <hr />
          {item('insertRowAbove', { disabled: needsTable })}
          {item('insertRowBelow', { disabled: needsTable })}
          {item('deleteRow', { disabled: needsTable })}
          <hr />
          {item('insertColumnLeft', { disabled: needsTable })}
          {item('insertColumnRight', { disabled: needsTable })}
          {item('deleteColumn', { disabled: needsTable })}
          <hr />
          {item('toggleHeaderRow', { disabled: needsTable, pressed: state.inTable ? state.header : undefined })}
          {item('toggleTableCaption', { disabled: needsTable, pressed: state.inTable ? state.caption : undefined })}
          <hr />
          {item('deleteTable', { disabled: needsTable })}
        </div>
      ) : null}
    </div>
  );
}
