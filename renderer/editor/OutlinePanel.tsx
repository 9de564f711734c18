import { memo, useRef, useState, useSyncExternalStore } from 'react';

/** Marks a drag as a section from this outline, so drops of files or text are left alone. */
const SECTION_DRAG = 'application/x-policywright-section';
import type { SectionNumberStore } from './section-numbers';

interface Props {
  store: SectionNumberStore;
  onJump: (id: string) => void;
  onMove: (sourceId: string, targetId: string | null) => void;
}

/** The numbered headings; click to go there, drag one onto another to move it (with its subsections) before it. */
/** Memoised: a save or a status change must not re-render two thousand outline items. */
export const OutlinePanel = memo(function OutlinePanel({ store, onJump, onMove }: Props) {
  const outline = useSyncExternalStore(store.subscribeOutline, store.getOutline);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // The state above styles the items; this ref is what drops read, since a fast drag can outrun a React render.
  const draggedId = useRef<string | null>(null);

  const drop = (targetId: string | null) => {
    const source = draggedId.current;
    if (source && source !== targetId) onMove(source, targetId);
    draggedId.current = null;
    setDragging(null);
    setOver(null);
  };
  const isSectionDrag = (event: React.DragEvent) => event.dataTransfer.types.includes(SECTION_DRAG);

  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      {outline.length === 0 ? <p className="muted">No sections yet. Press Ctrl+Enter to add one.</p> : null}
      <ol className="outline-list">
        {outline.map((item) => (
          <li
            key={item.id}
            className={`outline-item depth-${Math.min(item.depth, 6)}${over === item.id ? ' drop-target' : ''}${dragging === item.id ? ' dragging' : ''}`}
            draggable
            data-section-id={item.id}
            onDragStart={(event) => {
              event.dataTransfer.setData(SECTION_DRAG, item.id);
              event.dataTransfer.setData('text/plain', `${item.label} ${item.title}`);
              event.dataTransfer.effectAllowed = 'move';
              draggedId.current = item.id;
              setDragging(item.id);
            }}
            onDragOver={(event) => {
              if (!isSectionDrag(event)) return;
              event.preventDefault();
              setOver(item.id);
            }}
            onDragLeave={() => setOver((current) => (current === item.id ? null : current))}
            onDrop={(event) => {
              event.preventDefault();
              drop(item.id);
            }}
            onDragEnd={() => {
              draggedId.current = null;
              setDragging(null);
              setOver(null);
            }}
          >
            <button type="button" className="outline-link" onClick={() => onJump(item.id)}>
              <span className="outline-number">{item.label}</span>
              <span className="outline-title">{item.title || <em className="muted">Untitled section</em>}</span>
            </button>
          </li>
        ))}
        {dragging ? (
          <li
            className={`outline-end${over === '__end' ? ' drop-target' : ''}`}
            onDragOver={(event) => {
              if (!isSectionDrag(event)) return;
              event.preventDefault();
              setOver('__end');
            }}
            onDrop={(event) => {
              event.preventDefault();
              drop(null);
            }}
          >
            Move to the end
          </li>
        ) : null}
      </ol>
    </nav>
  );
});
