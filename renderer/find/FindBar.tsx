/**
 * The find bar, above the page: not a dialog, so the document stays in view and editable behind it. Its field holds
 * the keys while it has the focus: Enter and F3 go to the next match, with Shift the previous, Esc closes the bar and
 * gives the focus back to the document. It reads the FindSession alone, so typing here never renders the editor.
 */
import { useEffect, useId, useRef, useSyncExternalStore, type KeyboardEvent, type RefObject } from 'react';
import { commandForKeyPress, shortcutText } from '../../shared/api/commands';
import type { FindOptions } from '../../shared/find/find';
import type { FindSession, ProjectCounts } from './find-session';

// Faces as in VS Code, named in words for assistive technology; "Aa" and "abc" are read as symbols, not as words the
// name would have to contain.
const OPTIONS: ReadonlyArray<{ option: keyof FindOptions; face: string; label: string }> = [
  { option: 'matchCase', face: 'Aa', label: 'Match case' },
  { option: 'wholeWord', face: 'abc', label: 'Whole word' },
  { option: 'regex', face: '.*', label: 'Regular expression' },
];

export function FindBar({ session }: { session: FindSession }) {
  const state = useSyncExternalStore(session.subscribe, session.read);
  const field = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const countId = useId();

  useEffect(() => {
    if (state.open && state.focusRequest > 0) {
      field.current?.focus();
      field.current?.select();
    }
  }, [state.open, state.focusRequest]);

  if (!state.open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      session.close();
      return;
    }
    const command = commandForKeyPress(event);
    if (command === 'find' || command === 'replace') {
      event.preventDefault();
      session.open(command === 'replace');
    } else if (command === 'findNext' || command === 'findPrevious') {
      event.preventDefault();
      if (command === 'findNext') session.next();
      else session.previous();
    }
  };

  const { matches, current, query, problem } = state;
  const count =
    query.text === '' || problem
      ? ''
      : matches.length === 0
        ? 'No matches'
        : current >= 0
          ? `${current + 1} of ${matches.length}`
          : matches.length === 1
            ? '1 match'
            : `${matches.length} matches`;

  return (
    <div className="find-bar" role="search" aria-label="Find and replace" onKeyDown={onKeyDown}>
      <div className="find-row">
        <FindField
          inputRef={field}
          label="Find"
          value={query.text}
          invalid={problem !== ''}
          describedBy={`${problemId} ${countId}`}
          onChange={(text) => session.setQuery(text)}
          onEnter={(shift) => (shift ? session.previous() : session.next())}
        />
        <span id={countId} className="find-count" role="status" aria-live="polite">
          {count}
        </span>
        {OPTIONS.map(({ option, face, label }) => (
          <button
            key={option}
            type="button"
            className={`tool find-option find-${option}`}
            aria-label={label}
            title={label}
            aria-pressed={query[option]}
            onClick={() => session.setOption(option, !query[option])}
          >
            {face}
          </button>
        ))}
        <button type="button" className="tool" aria-label="Previous match" title={`Previous match (${shortcutText('findPrevious')})`} onClick={() => session.previous()} disabled={matches.length === 0}>
          ↑
        </button>
        <button type="button" className="tool" aria-label="Next match" title={`Next match (${shortcutText('findNext')})`} onClick={() => session.next()} disabled={matches.length === 0}>
          ↓
        </button>
        <button
          type="button"
          className="tool"
          aria-label={state.replacing ? 'Hide replace' : 'Show replace'}
          aria-expanded={state.replacing}
          title={`Replace (${shortcutText('replace')})`}
          onClick={() => session.showReplace(!state.replacing)}
        >
          ⇄
        </button>
        {session.tools ? (
          <button type="button" className="tool" aria-label="Find in all documents" title="Find in all documents" onClick={() => void session.searchProject()} disabled={query.text === '' || problem !== ''}>
            All documents
          </button>
        ) : null}
        <button type="button" className="tool find-close" aria-label="Close find" title="Close (Esc)" onClick={() => session.close()}>
          ×
        </button>
      </div>
      <p id={problemId} className="find-problem" role={problem ? 'alert' : undefined}>
        {problem}
      </p>
      {state.replacing ? (
        <div className="find-row">
          <FindField label="Replace with" value={state.replacement} onChange={(text) => session.setReplacement(text)} onEnter={() => session.replaceCurrent()} />
          <button type="button" onClick={() => session.replaceCurrent()} disabled={matches.length === 0}>
            Replace
          </button>
          <button type="button" onClick={() => session.replaceAll()} disabled={matches.length === 0}>
            Replace all
          </button>
        </div>
      ) : null}
      {state.project ? <ProjectMatches counts={state.project} onOpen={(id) => session.openDocumentAt(id)} current={session.tools?.currentId ?? ''} /> : null}
      {state.notice ? (
        <p className="find-notice" role="status">
          {state.notice}
        </p>
      ) : null}
    </div>
  );
}

/** The project's documents that have matches, with their counts; a click opens one at its first match. */
function ProjectMatches({ counts, current, onOpen }: { counts: ProjectCounts; current: string; onOpen: (id: string) => void }) {
  const found = counts.rows.filter((row) => row.count > 0);
  const unreadable = counts.rows.filter((row) => row.problem);
  return (
    <div className="find-documents">
      {found.length > 0 ? (
        <ul aria-label="Documents with matches">
          {found.map((row) => (
            <li key={row.id}>
              <button type="button" className="link-button" onClick={() => onOpen(row.id)} aria-current={row.id === current ? 'page' : undefined}>
                {row.title}
              </button>{' '}
              <span className="muted">{row.count === 1 ? '1 match' : `${row.count} matches`}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted" role="status">
        {counts.busy
          ? `Searching the project’s documents (${counts.rows.length} read)…`
          : found.length === 0
            ? 'No document of the project has a match.'
            : `${found.length === 1 ? '1 document has' : `${found.length} documents have`} matches.`}
        {unreadable.length > 0 ? ` ${unreadable.length === 1 ? '1 document' : `${unreadable.length} documents`} could not be read.` : ''}
      </p>
    </div>
  );
}

/** The bar's text fields (find, replace with): named by their placeholder, no spell checking, Enter runs their action. */
function FindField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onEnter: (shift: boolean) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  invalid?: boolean;
  describedBy?: string;
}) {
  return (
    <input
      ref={props.inputRef}
      className="find-field"
      type="text"
      aria-label={props.label}
      placeholder={props.label}
      value={props.value}
      spellCheck={false}
      aria-invalid={props.invalid ? true : undefined}
      aria-describedby={props.describedBy}
      onChange={(event) => props.onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        props.onEnter(event.shiftKey);
      }}
    />
  );
}
