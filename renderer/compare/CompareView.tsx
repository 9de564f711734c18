import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Comparison, MoveOrigin, Row, SectionRow } from '../../shared/compare/types';
import type { RedlineFormat } from '../../shared/api/contract';
import { RedlineText, type NotesById } from './RedlineText';
import { useProgressiveCount } from '../common/progressive';
import { mergedOf, nextChange, sideOf, statusLabel, visibleRows } from './rows';

export type CompareMode = 'side-by-side' | 'redline';

interface Props {
  comparison: Comparison;
  onExport: (format: RedlineFormat) => Promise<void>;
  onClose: () => void;
}

/**
 * Two editions of a policy, section by section: side by side (old left, new right, one scroll for both, so the two
 * sides can never drift apart) or as one inline redline. Alt+Down and Alt+Up go to the next and previous change.
 */
export function CompareView({ comparison, onExport, onClose }: Props) {
  const [mode, setMode] = useState<CompareMode>('side-by-side');
  const [changedOnly, setChangedOnly] = useState(false);
  const [current, setCurrent] = useState(-1);
  const [exporting, setExporting] = useState<RedlineFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useRef<HTMLElement>(null);
  const { rows, summary } = comparison;
  const notes: NotesById = useMemo(() => new Map(comparison.notes.map((note) => [note.id, note])), [comparison.notes]);
  const shown = useMemo(() => visibleRows(rows, changedOnly), [rows, changedOnly]);
  const { count: mountedCount, atLeast } = useProgressiveCount(shown.length, FIRST_ROWS, MORE_ROWS);

  // Scrolling waits for the row to be mounted: a change far down may not be yet.
  const [scrollTarget, setScrollTarget] = useState<number | null>(null);
  const jumpTo = useCallback(
    (index: number) => {
      setCurrent(index);
      atLeast(shown.indexOf(index) + 1);
      setScrollTarget(index);
    },
    [atLeast, shown],
  );
  useEffect(() => {
    if (scrollTarget === null) return;
    const row = document.getElementById(`cmp-row-${scrollTarget}`);
    if (!row) return;
    row.scrollIntoView({ block: 'start' });
    setScrollTarget(null);
  }, [scrollTarget, mountedCount]);

  const go = useCallback(
    (direction: 1 | -1) => {
      const target = nextChange(rows, shown, current, direction);
      if (target !== -1) jumpTo(target);
    },
    [rows, shown, current, jumpTo],
  );

  useEffect(() => view.current?.focus(), []);

  // On the window, not the view: after a click on a button that disables itself, focus is on the page's body.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        go(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [go, onClose]);

  const exportAs = async (format: RedlineFormat) => {
    setExporting(format);
    setError(null);
    try {
      await onExport(format);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    // The window's main content while it is shown (the editor behind it is hidden from assistive technology).
    <main className="compare-view" ref={view} tabIndex={-1} aria-label="Comparison">
      <div className="compare-toolbar">
        <h1 className="compare-title">
          <span className="compare-old">{comparison.old.label}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> compared with </span> <span className="compare-new">{comparison.new.label}</span>
        </h1>
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={mode === 'side-by-side'} onClick={() => setMode('side-by-side')}>
            Side by side
          </button>
          <button type="button" aria-pressed={mode === 'redline'} onClick={() => setMode('redline')}>
            Redline
          </button>
        </div>
        <label className="checkbox inline">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} /> Changed sections only
        </label>
        <button type="button" onClick={() => go(-1)} title="Previous change (Alt+Up)" aria-label="Previous change">
          ↑ Previous
        </button>
        <button type="button" onClick={() => go(1)} title="Next change (Alt+Down)" aria-label="Next change">
          ↓ Next
        </button>
        <span className="toolbar-spacer" />
        <span className="muted">Export:</span>
        <button type="button" disabled={exporting !== null} onClick={() => void exportAs('html')} aria-label="Export HTML redline">
          {exporting === 'html' ? 'Exporting…' : 'HTML redline'}
        </button>
        <button type="button" disabled={exporting !== null} onClick={() => void exportAs('docx')} aria-label="Export Word redline" title="A Word document with tracked changes to accept or reject">
          {exporting === 'docx' ? 'Exporting…' : 'Word redline'}
        </button>
        <button type="button" onClick={onClose} title="Close (Esc)">
          Close
        </button>
      </div>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {/* Focusable, so the arrow keys and Page Down scroll it from the keyboard. */}
      <div className="compare-scroll" tabIndex={0} role="region" aria-label="Differences">
        <section className="compare-summary" aria-label="Summary of changes">
          <ul className="summary-counts">
            <li className="count-changed"><strong>{summary.changed}</strong> changed</li>
            <li className="count-added"><strong>{summary.added}</strong> added</li>
            <li className="count-deleted"><strong>{summary.deleted}</strong> deleted</li>
            <li className="count-moved"><strong>{summary.moved}</strong> moved</li>
            {summary.split > 0 ? <li className="count-split"><strong>{summary.split}</strong> split off</li> : null}
            {summary.merged > 0 ? <li className="count-merged"><strong>{summary.merged}</strong> merged</li> : null}
            <li className="count-unchanged"><strong>{summary.unchanged}</strong> unchanged</li>
            <li className="count-words">
              <span className="words-inserted">+{summary.wordsInserted.toLocaleString('en')}</span>{' '}
              <span className="words-deleted">−{summary.wordsDeleted.toLocaleString('en')}</span> words
              {summary.wordsMoved > 0 ? <span className="words-moved"> · {summary.wordsMoved.toLocaleString('en')} moved</span> : null}
            </li>
            {summary.linksChanged > 0 ? <li className="count-links"><strong>{summary.linksChanged}</strong> {summary.linksChanged === 1 ? 'link' : 'links'} changed</li> : null}
          </ul>
          {comparison.metadata.length > 0 ? (
            <dl className="metadata-changes">
              {comparison.metadata.map((change) => (
                <div key={change.field}>
                  <dt>{change.label}</dt>
                  <dd>
                    <del>{change.old || '(none)'}</del> → <ins>{change.new || '(none)'}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
        {mode === 'side-by-side' ? (
          <div className="compare-columns" role="presentation">
            <div className="compare-column-heads" aria-hidden="true">
              <div>{comparison.old.label}</div>
              <div>{comparison.new.label}</div>
            </div>
            {shown.slice(0, mountedCount).map((index) => (
              <SideBySideRow key={index} index={index} rows={rows} notes={notes} current={index === current} onJump={jumpTo} />
            ))}
          </div>
        ) : (
          <div className="compare-redline">
            {shown.slice(0, mountedCount).map((index) => (
              <RedlineRow key={index} index={index} rows={rows} notes={notes} current={index === current} onJump={jumpTo} />
            ))}
          </div>
        )}
        {shown.length === 0 ? <p className="muted empty-note">No section changed.</p> : null}
        <NotesPart notes={comparison.notes} />
      </div>
    </main>
  );
}

/** Rows drawn in the first frame: more than a screen. */
const FIRST_ROWS = 40;
/** Rows added per task after that, small enough to keep each task well under a frame's budget on a slow machine. */
const MORE_ROWS = 120;

interface RowProps {
  index: number;
  rows: readonly Row[];
  notes: NotesById;
  current: boolean;
  onJump: (index: number) => void;
}

const SideBySideRow = memo(function SideBySideRow({ index, rows, notes, current, onJump }: RowProps) {
  const row = rows[index] as Row;
  if (row.status === 'move-origin') return <OriginRow index={index} origin={row} rows={rows} notes={notes} current={current} onJump={onJump} />;
  const badge = statusLabel(row);
  return (
    <div id={`cmp-row-${index}`} className={`cmp-row status-${row.status}${current ? ' current' : ''}`}>
      <div className="cmp-cell old">
        {row.old ? <RedlineText blocks={sideOf(row, 'old')} label={row.old.label} notes={notes} /> : <p className="cmp-absent">Not in this edition</p>}
      </div>
      <div className="cmp-cell new">
        {badge ? <span className={`cmp-badge ${row.status}`}>{badge}</span> : null}
        {row.new ? <RedlineText blocks={sideOf(row, 'new')} label={row.new.label} notes={notes} /> : <p className="cmp-absent">Deleted</p>}
      </div>
    </div>
  );
});

const RedlineRow = memo(function RedlineRow({ index, rows, notes, current, onJump }: RowProps) {
  const row = rows[index] as Row;
  if (row.status === 'move-origin') return <OriginRow index={index} origin={row} rows={rows} notes={notes} current={current} onJump={onJump} />;
  const badge = statusLabel(row);
  return (
    <div id={`cmp-row-${index}`} className={`cmp-row single status-${row.status}${current ? ' current' : ''}`}>
      {badge ? <span className={`cmp-badge ${row.status}`}>{badge}</span> : null}
      <RedlineText blocks={mergedOf(row)} label={labelOf(row)} notes={notes} />
    </div>
  );
});

function labelOf(row: SectionRow): string {
  // A merged section's heading is its old one, deleted.
  if (row.status === 'merged') return row.old?.label ?? '';
  const side = row.new ?? row.old;
  if (!side) return '';
  if (!row.renumbered || !row.old || !row.new) return side.label;
  return `${row.old.label} → ${row.new.label}`;
}

function OriginRow({ index, origin, rows, current, onJump }: RowProps & { origin: MoveOrigin }) {
  const moved = rows[origin.target] as SectionRow | undefined;
  // A subsection that moved with its section needs no line of its own: its section's line says where they went.
  if (!moved?.old || moved.carried) return null;
  return (
    <div id={`cmp-row-${index}`} className={`cmp-row move-origin${current ? ' current' : ''}`}>
      <p>
        <span className="cmp-number">{moved.old.label}</span> {moved.old.title} — moved to{' '}
        <button type="button" className="link-button" onClick={() => onJump(origin.target)}>
          {moved.new?.label || 'its new place'}
        </button>
      </p>
    </div>
  );
}

/** The footnotes that changed, came or went, each with its changes: a note's mark in the text says it changed. */
function NotesPart({ notes }: { notes: Comparison['notes'] }) {
  const changed = notes.filter((note) => note.status !== 'unchanged');
  if (changed.length === 0) return null;
  const word = { changed: 'Changed', added: 'Added', deleted: 'Deleted', unchanged: '' };
  return (
    <section className="cmp-notes" aria-label="Footnotes that changed">
      <h2>Notes</h2>
      <ol>
        {changed.map((note) => (
          <li key={note.id} value={note.number}>
            <span className={`cmp-badge ${note.status}`}>{word[note.status]}</span>{' '}
            <RedlineText blocks={[{ block: { kind: 'paragraph' }, runs: note.runs }]} label="" />
          </li>
        ))}
      </ol>
    </section>
  );
}
