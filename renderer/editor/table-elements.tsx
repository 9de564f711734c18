import { Children, createContext, useContext, type ReactNode } from 'react';
import { ReactEditor, useSlateStatic, type RenderElementProps } from 'slate-react';
import { commentMarkerOf } from '../comments/CommentMarks';
import { BlockAdornment, changeClass, changeTitle, clauseClass } from './elements';
import { rowsOf } from './table-nodes';
import type { TableElement, TableRowElement } from './types';

/**
 * A table as the page draws it: a real <table> (its caption first, then its rows in a <tbody>), the header row's cells
 * <th scope="col">. A row learns whether it is the header row from its table through a context whose value is the
 * header row's Slate key: it changes only when the header is toggled or another row becomes the first, so typing in a
 * cell re-renders that cell and the table's own frame, never every cell.
 */

type Key = ReturnType<typeof ReactEditor.findKey>;
const HeaderRowContext = createContext<Key | null>(null);
const InHeaderRowContext = createContext(false);

export function TableView({ attributes, children, element }: { attributes: RenderElementProps['attributes']; children: ReactNode; element: TableElement }) {
  const editor = useSlateStatic();
  const first = rowsOf(element)[0];
  const headerKey = element.header && first ? ReactEditor.findKey(editor, first) : null;
  const parts = Children.toArray(children);
  const captioned = element.children[0]?.type === 'table-caption';
  const comments = commentMarkerOf(element);
  return (
    <div
      {...attributes}
      className={`table-block${clauseClass(element)}${changeClass(element)}${comments.className}`}
      data-clause-use={element.clause?.use}
      title={changeTitle(element)}
    >
      {element.clause ? <BlockAdornment element={element} /> : null}
      <table className={`policy-table${element.header ? ' has-header' : ''}`}>
        {captioned ? parts[0] : null}
        <HeaderRowContext.Provider value={headerKey}>
          <tbody>{captioned ? parts.slice(1) : parts}</tbody>
        </HeaderRowContext.Provider>
      </table>
      {comments.marker}
    </div>
  );
}

export function TableRow({ attributes, children, element }: { attributes: RenderElementProps['attributes']; children: ReactNode; element: TableRowElement }) {
  const editor = useSlateStatic();
  const headerKey = useContext(HeaderRowContext);
  const header = headerKey !== null && headerKey === ReactEditor.findKey(editor, element);
  return (
    <tr {...attributes} className={header ? 'header-row' : undefined}>
      <InHeaderRowContext.Provider value={header}>{children}</InHeaderRowContext.Provider>
    </tr>
  );
}

export function TableCell({ attributes, children }: { attributes: RenderElementProps['attributes']; children: ReactNode }) {
  return useContext(InHeaderRowContext) ? (
    <th {...attributes} scope="col">
      {children}
    </th>
  ) : (
    <td {...attributes}>{children}</td>
  );
}
