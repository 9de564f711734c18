import { useMemo, useState } from 'react';
import { Dialog } from '../common/Dialog';
import type { OutlineItem } from '../editor/section-numbers';
import { handleListKeys } from '../common/list-keys';

interface Props {
  /** The sections as the outline lists them: number and title, in order. */
  sections: readonly OutlineItem[];
  onInsert: (id: string, refTitle: boolean) => void;
  onClose: () => void;
}

// Enough to choose from without scrolling far; typing narrows a long policy's list.
const SHOWN = 50;

/** Whether a section matches what was typed: every word of it in the number or the title, in any order, any case. */
export function sectionMatches(section: Pick<OutlineItem, 'label' | 'title'>, query: string): boolean {
  const haystack = `${section.label} ${section.title}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * Ctrl+Shift+R: the sections by number and title; typing filters, the arrows choose, Enter inserts a reference to the
 * chosen one at the caret, Esc closes. "Show the title too" makes a reference that shows "4.2 (Security)".
 */
export function ReferencePicker({ sections, onInsert, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [withTitle, setWithTitle] = useState(false);
  const found = useMemo(() => sections.filter((section) => sectionMatches(section, query)).slice(0, SHOWN), [sections, query]);
  const current = found[Math.min(active, found.length - 1)];
  return (
    <Dialog title="Insert a cross-reference" className="reference-picker" onClose={onClose} closeOnBackdrop>
      <input
        type="search"
        autoFocus
        aria-label="Find a section"
        placeholder="Type a number or words of a title"
        value={query}
        aria-controls="reference-sections"
        aria-activedescendant={current ? `reference-option-${current.id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => handleListKeys(e, found.length, setActive, current ? () => onInsert(current.id, withTitle) : null)}
      />
      <ul className="palette" role="listbox" id="reference-sections" aria-label="Sections">
        {found.map((section) => (
          <li
            key={section.id}
            id={`reference-option-${section.id}`}
            role="option"
            aria-selected={section === current}
            className={`depth-${Math.min(section.depth, 6)}${section === current ? ' active' : ''}`}
            onMouseDown={(e) => {
              e.preventDefault();
              onInsert(section.id, withTitle);
            }}
          >
            <strong>{section.label}</strong> {section.title || <em className="muted">Untitled section</em>}
          </li>
        ))}
        {found.length === 0 ? <li className="muted">{sections.length === 0 ? 'This document has no sections yet.' : 'No section matches.'}</li> : null}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={withTitle} onChange={(e) => setWithTitle(e.target.checked)} /> Show the title too, as in “4.2 (Security)”
      </label>
      <p className="muted">Enter inserts a reference that follows the section wherever it moves; Esc closes.</p>
    </Dialog>
  );
}
