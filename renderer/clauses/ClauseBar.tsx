import { useSlateStatic, ReactEditor } from 'slate-react';
import type { BlockElement } from '../editor/types';
import { useClauseView } from './clause-context';

const STATE_NAMES = { locked: 'Approved clause — locked', linked: 'Draft clause — editable, still linked', unlinked: 'Unlinked' } as const;

/** Whether this block opens its clause use (the block before it belongs to another use, or to none). */
function opensUse(editor: ReturnType<typeof useSlateStatic>, element: BlockElement): boolean {
  const use = element.clause?.use;
  if (!use) return false;
  try {
    const index = ReactEditor.findPath(editor, element)[0] ?? 0;
    return index === 0 || (editor.children[index - 1] as BlockElement).clause?.use !== use;
  } catch {
    return false;
  }
}

/**
 * The line above a clause in the document: which clause and version, whether it is locked, and what can be done
 * (unlink, or see and take a newer version). Not part of the text: it cannot be selected or typed into.
 */
export function ClauseBar({ element }: { element: BlockElement }) {
  const editor = useSlateStatic();
  const view = useClauseView();
  const use = element.clause;
  if (!use || !opensUse(editor, element)) return null;
  const clause = view.lookup(use.source, use.id);
  const title = clause?.title ?? use.id;
  const drift = view.drift.get(use.use);
  if (use.state === 'unlinked') {
    return (
      <span className="clause-bar unlinked" contentEditable={false} data-testid="clause-bar">
        Unlinked from “{title}” v{use.version} — ordinary text now
      </span>
    );
  }
  return (
    <span className={`clause-bar ${use.state}`} contentEditable={false} data-testid="clause-bar" data-clause-id={use.id}>
      <span className="clause-bar-name">
        <span aria-hidden="true">§ </span>
        {title} <span className="clause-version">v{use.version}</span>
        {use.source === 'team' ? <span className="source-badge team">Team</span> : null}
      </span>
      <span className="clause-state">{STATE_NAMES[use.state]}</span>
      {drift ? (
        <button type="button" className="small update-badge" onMouseDown={(e) => e.preventDefault()} onClick={() => view.showUpdate(use.use)}>
          {drift.latest === null ? 'Not in the library' : drift.deprecated ? 'Deprecated — review' : `Update available: v${drift.latest}`}
        </button>
      ) : null}
      <button type="button" className="small" onMouseDown={(e) => e.preventDefault()} onClick={() => view.unlink(use.use)}>
        Unlink to edit
      </button>
    </span>
  );
}

/** A variable in the text: its value, or `[name]` marked as missing. Never editable as text. */
export function VariableChip({ name }: { name: string }) {
  const { variables } = useClauseView();
  const defined = Object.hasOwn(variables, name);
  const value = defined ? variables[name] : undefined;
  const title = !defined ? `Variable ${name} is not defined in this project` : value ? `Variable ${name}` : `Variable ${name} has no value yet`;
  return (
    <span className={`variable-chip${value ? '' : ' unfilled'}`} title={title} data-variable={name}>
      {value || `[${name}]`}
    </span>
  );
}
