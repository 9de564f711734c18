import { Fragment } from 'react';
import { groupedShortcutSheet } from '../../shared/api/commands';
import { Dialog } from '../common/Dialog';

// Keys that move around the window rather than run a command of the table: they are the page's, not the menus'.
const MOVING: ReadonlyArray<{ label: string; keys: string[] }> = [
  { label: 'Skip to the policy', keys: ['Tab (first stop)'] },
  { label: 'Next region (header, documents and outline, toolbar, policy, side panels)', keys: ['F6'] },
  { label: 'Previous region', keys: ['Shift+F6'] },
  { label: 'Leave the policy text', keys: ['Esc, then Tab'] },
  { label: 'Start or end of the document', keys: ['Ctrl+Home', 'Ctrl+End'] },
  { label: 'Close a dialog', keys: ['Esc'] },
];

/** Every command's keys, under the menus' headings, with the keys that move between the window's regions. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const groups = [...groupedShortcutSheet().map(({ group, rows }) => ({ group, rows: rows as ReadonlyArray<{ label: string; keys: string[] }> })), { group: 'Moving around', rows: MOVING }];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} closeOnBackdrop wide cancel="Close">
      <div className="shortcut-sheet">
        {groups.map(({ group, rows }) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {rows.map((row) => (
                <div key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.keys.map((keys, i) => (
                      <Fragment key={keys}>
                        {i > 0 ? ' or ' : null}
                        <kbd>{keys}</kbd>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
