import { useSlateStatic } from 'slate-react';
import { Range } from 'slate';
import { commandSpec, type Command } from '../../shared/api/commands';
import { inTable, tableAt } from './table-nodes';
import { DropMenu, DropMenuItem } from '../common/DropMenu';

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
  const read = (): TableState => {
    const path = editor.selection ? Range.start(editor.selection).path : undefined;
    const table = path && inTable(editor, path) ? tableAt(editor, path[0] as number) : null;
    return { inTable: table !== null, header: table?.header === true, caption: table?.children[0]?.type === 'table-caption' };
  };
  return (
    <DropMenu label="Table" listLabel="Table" className="review-menu table-menu" buttonClassName="tool tool-table" listClassName="review-menu-list" read={read}>
      {(state, close) => {
        const needsTable = !state.inTable;
        const item = (command: Command, options: { disabled?: boolean; pressed?: boolean } = {}) => (
          <DropMenuItem key={command} className={`table-command-${command}`} disabled={options.disabled} aria-pressed={options.pressed} close={close} onChoose={() => onCommand(command)}>
            {commandSpec(command).label}
            {options.pressed ? ' ✓' : ''}
          </DropMenuItem>
        );
        return (
          <>
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
          </>
        );
      }}
    </DropMenu>
  );
}
