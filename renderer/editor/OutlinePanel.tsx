import { memo, useCallback, useContext, useRef, useState, useSyncExternalStore } from 'react';
import { useProgressiveCount } from '../common/progressive';
import { ChunkMounterContext } from './chunk-mounter';
import type { SectionNumberStore } from './section-numbers';
import type { ReferenceCounts } from '../references/reference-counts';
import { shortcutText } from '../../shared/api/commands';
import { OUTLINE_ROW_PX, useOutlineWindow } from './use-outline-window';

/** Marks a drag as a section from this outline, so drops of files or text are left alone. */
const SECTION_DRAG = 'application/x-policywright-section';

/**
 * None at first and then this many per task: the editor's first paint does not wait for two thousand outline entries,
 * and they arrive within moments after it.
 */
const OUTLINE_STEP = 200;
/**
 * The entries start once the editor has drawn this many chunks of blocks (48 each), or all of them: the text first. On
 * a 100,000-word policy (99 chunks) the outline's two thousand entries no longer share the tasks that put the text in
 * the page; on a far longer one the outline does not wait for the whole of it.
 */
const TEXT_FIRST_CHUNKS = 120;

/** Whether the text the outline waits for is in the page (always, outside an editor that draws progressively). */
function useTextDrawn(): boolean {
  const mounter = useContext(ChunkMounterContext);
  const subscribe = useCallback((listener: () => void) => mounter?.subscribe(listener) ?? (() => undefined), [mounter]);
  return useSyncExternalStore(subscribe, () => !mounter || mounter.complete || mounter.drawn >= TEXT_FIRST_CHUNKS);
}

interface Props {
  store: SectionNumberStore;
  /** How many cross-references point at each section: a badge beside its title. */
  references: ReferenceCounts;
  onJump: (id: string) => void;
  onMove: (sourceId: string, targetId: string | null) => void;
}

interface ItemEvents {
  jump: (id: string) => void;
  dragStart: (id: string, text: string, event: React.DragEvent) => void;
  dragOver: (id: string, event: React.DragEvent) => void;
  dragLeave: (id: string) => void;
  drop: (id: string | null, event: React.DragEvent) => void;
  dragEnd: () => void;
}

/**
 * The numbered headings; click to go there, drag one onto another to move it (with its subsections) before it.
 * Memoised, and so is each entry: a save, a keystroke or a drag over one entry re-renders only what changed.
 */
export const OutlinePanel = memo(function OutlinePanel({ store, references, onJump, onMove }: Props) {
  const outline = useSyncExternalStore(store.subscribeOutline, store.getOutline);
  const counts = useSyncExternalStore(references.subscribe, references.getCounts);
  const textDrawn = useTextDrawn();
  const { count } = useProgressiveCount(textDrawn ? outline.length : 0, 0, OUTLINE_STEP);
  const listRef = useRef<HTMLOListElement>(null);
  // Twenty thousand entries are drawn only where the panel shows them (use-outline-window.ts).
  const shown = useOutlineWindow(listRef, textDrawn ? outline.length : 0);
  const [start, end] = shown.windowed ? [shown.start, shown.end] : [0, count];
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // The state above styles the items; this ref is what drops read, since a fast drag can outrun a React render.
  const draggedId = useRef<string | null>(null);
  const latest = useRef({ onJump, onMove });
  latest.current = { onJump, onMove };
  const latestOutline = useRef(outline);
  latestOutline.current = outline;

  const events = useRef<ItemEvents>({
    jump: (id) => latest.current.onJump(id),
    dragStart: (id, text, event) => {
      event.dataTransfer.setData(SECTION_DRAG, id);
      event.dataTransfer.setData('text/plain', text);
      event.dataTransfer.effectAllowed = 'move';
      draggedId.current = id;
      setDragging(id);
    },
    dragOver: (id, event) => {
      if (!event.dataTransfer.types.includes(SECTION_DRAG)) return;
      event.preventDefault();
      setOver(id);
    },
    dragLeave: (id) => setOver((current) => (current === id ? null : current)),
    drop: (targetId, event) => {
      event.preventDefault();
      const source = draggedId.current;
      if (source && source !== targetId) latest.current.onMove(source, targetId);
      draggedId.current = null;
      setDragging(null);
      setOver(null);
    },
    dragEnd: () => {
      draggedId.current = null;
      setDragging(null);
      setOver(null);
    },
  }).current;

  const endOver = useCallback((event: React.DragEvent) => events.dragOver('__end', event), [events]);
  const endDrop = useCallback((event: React.DragEvent) => events.drop(null, event), [events]);
  // One set of handlers on the list for every entry (twenty thousand in a 1,000,000-word policy): each reads the entry
  // the event came from. The entry "Move to the end" has its own.
  const list = useRef({
    onClick: (event: React.MouseEvent) => {
      const id = (event.target as Element).closest('.outline-link') ? entryOf(event) : null;
      if (id) events.jump(id);
    },
    onDragStart: (event: React.DragEvent) => {
      const item = latestOutline.current.find((entry) => entry.id === entryOf(event));
      if (item) events.dragStart(item.id, `${item.label} ${item.title}`, event);
    },
    onDragOver: (event: React.DragEvent) => {
      const id = entryOf(event);
      if (id) events.dragOver(id, event);
    },
    onDragLeave: (event: React.DragEvent) => {
      const id = entryOf(event);
      if (id) events.dragLeave(id);
    },
    onDrop: (event: React.DragEvent) => {
      const id = entryOf(event);
      if (id) events.drop(id, event);
    },
    onDragEnd: () => events.dragEnd(),
  }).current;

  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      {outline.length === 0 ? <p className="muted">No sections yet. Press {shortcutText('insertSection')} to add one.</p> : null}
      <ol
        ref={listRef}
        className={shown.windowed ? 'outline-list windowed' : 'outline-list'}
        style={shown.windowed ? { paddingTop: start * OUTLINE_ROW_PX, paddingBottom: (outline.length - end) * OUTLINE_ROW_PX + 24 } : undefined}
        {...list}
      >
        {outline.slice(start, end).map((item) => (
          <OutlineItem
            key={item.id}
            id={item.id}
            depth={item.depth}
            label={item.label}
            title={item.title}
            over={over === item.id}
            dragging={dragging === item.id}
            references={counts.get(item.id) ?? 0}
          />
        ))}
        {dragging ? (
          <li className={`outline-end${over === '__end' ? ' drop-target' : ''}`} onDragOver={endOver} onDrop={endDrop}>
            Move to the end
          </li>
        ) : null}
      </ol>
    </nav>
  );
});

/** The section of the outline entry an event came from, or null (the end entry, the list's own padding). */
function entryOf(event: React.SyntheticEvent): string | null {
  return (event.target as Element).closest?.('.outline-item[data-section-id]')?.getAttribute('data-section-id') ?? null;
}

interface ItemProps {
  id: string;
  depth: number;
  label: string;
  title: string;
  over: boolean;
  dragging: boolean;
  /** How many cross-references point here. */
  references: number;
}

/** An entry: its events are the list's (see OutlinePanel). */
const OutlineItem = memo(function OutlineItem({ id, depth, label, title, over, dragging, references }: ItemProps) {
  return (
    <li className={`outline-item depth-${Math.min(depth, 6)}${over ? ' drop-target' : ''}${dragging ? ' dragging' : ''}`} draggable data-section-id={id}>
      <button type="button" className="outline-link">
        <span className="outline-number">{label}</span>
        <span className="outline-title">{title || <em className="muted">Untitled section</em>}</span>
        {references > 0 ? <ReferenceBadge count={references} /> : null}
      </button>
    </li>
  );
});

/** The count of references to a section, drawn only when there are some. */
function ReferenceBadge({ count }: { count: number }) {
  const words = count === 1 ? '1 reference' : `${count} references`;
  return (
    // An image of a count, named in words: a bare "3" beside a title would be read as part of it.
    <span className="outline-references" role="img" aria-label={words} title={`${words} to this section`}>
      {count}
    </span>
  );
}
