import { useMemo, useState } from 'react';
import type { LibraryClause } from '../../shared/clauses/library';
import { searchClauses } from '../../shared/clauses/search';
import { Dialog } from '../common/Dialog';
import { shortcutText } from '../../shared/api/commands';
import { handleListKeys } from '../common/list-keys';

interface Props {
  clauses: readonly LibraryClause[];
  onInsert: (clause: LibraryClause, mode: 'section' | 'body') => void;
  onClose: () => void;
}

/** Ctrl+Shift+L: find a clause by typing, Enter inserts it at the cursor, Ctrl+Enter as a new section. */
export function InsertClauseDialog({ clauses, onInsert, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => searchClauses(clauses, { text: query }).filter((c) => c.status !== 'deprecated').slice(0, 12), [clauses, query]);
  const current = found[Math.min(active, found.length - 1)];
  return (
    <Dialog title="Insert a clause" onClose={onClose} closeOnBackdrop>
      <input
        type="search"
        autoFocus
        aria-label="Find a clause"
        placeholder="Type to search the library"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => handleListKeys(e, found.length, setActive, current ? () => onInsert(current, e.ctrlKey || e.metaKey ? 'section' : 'body') : null)}
      />
      <ul className="palette" role="listbox" aria-label="Matching clauses">
        {found.map((clause) => (
          <li key={`${clause.source}:${clause.id}`} role="option" aria-selected={clause === current} className={clause === current ? 'active' : ''} onMouseDown={() => onInsert(clause, 'body')}>
            <strong>{clause.title}</strong> <span className="muted">{[...clause.tags.topic, ...clause.tags.jurisdiction].join(' · ')}</span>
          </li>
        ))}
        {found.length === 0 ? <li className="muted">No clause matches.</li> : null}
      </ul>
      <p className="muted">Enter inserts into the current section; {shortcutText('insertSection')} inserts it as a new section; Esc closes.</p>
    </Dialog>
  );
}
