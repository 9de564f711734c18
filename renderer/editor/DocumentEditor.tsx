import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { createEditor, Editor, Element, Transforms, type Descendant, type Operation } from 'slate';
import { HistoryEditor, withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import type { Command } from '../../shared/api/commands';
import type { ProjectClient } from '../../shared/api/client';
import type { CompareSource, DocumentSummary, LoadedDocument, RecoveredEdits } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import { FORMAT_VERSION } from '../../shared/model/vocabulary';
import { newSectionId } from '../../shared/model/ids';
import { isConflict, useAutosave, type SaveStatus } from './autosave';
import { ConflictBanner, type Conflict } from './ConflictBanner';
import { useDiskWatch } from './use-disk-watch';
import { copyTitle, documentAsFile } from './document-copies';
import { StoredText } from './stored-text';
import { EditJournal, newWindowId } from './edit-journal';
import { browserJournal } from './browser-journal';
import { RecoveryBanner } from './RecoveryBanner';
import { onIdle } from '../common/tasks';
import { blocksToSlate, slateToBlocks } from './convert';
import { DocumentPanel, type DocumentMeta } from './DocumentPanel';
import { renderChunk, renderElement, renderLeaf, SectionNumbersContext } from './elements';
import { commandForKey } from './keys';
import { activeLink, setLink } from './marks';
import { OutlinePanel } from './OutlinePanel';
import { handleTab, runEditorCommand } from './run-command';
import { moveSectionTo } from './section-commands';
import { SectionNumberStore } from './section-numbers';
import { syncSelectionFromDom } from './sync-selection';
import { ListNumberStore, ListNumbersContext } from './list-numbers';
import { Toolbar } from './Toolbar';
import type { BlockElement, PolicyEditor } from './types';
import { withPolicy } from './with-policy';
import { LinkPrompt } from './LinkPrompt';
import { SaveIndicator } from './SaveIndicator';
import { hideEditableFromReactSelection } from './react-selection-walk';
import { ChunkMounter, ChunkMounterContext, withMountingBeforeEdits } from './chunk-mounter';
import { RenderAfterPaint, withRenderAfterPaint } from './render-after-paint';
import { scrollBlockToTop, scrollCaretIntoView } from './scrolling';
import { documentEdgeKey, moveToDocumentEdge } from './document-edges';
import { LOCKED_MESSAGE, lockedIn, withClauseLock } from './clause-lock';
import { ClauseViewContext } from '../clauses/clause-context';
import { useClauseUi, type ClauseTools } from '../clauses/use-clause-ui';
import { longDay } from '../../shared/model/dates';

type SideTab = 'document' | 'clauses' | 'variables';
const SIDE_TABS: Array<[SideTab, string]> = [
  ['document', 'Document'],
  ['clauses', 'Clauses'],
  ['variables', 'Variables'],
];

export interface EditorHandle {
  run(command: Command): void;
  /** Saves now if anything is unsaved; resolves when the document is on disk (or the save failed). */
  flush(): Promise<void>;
  isDirty(): boolean;
  /** Renders at once what typing left for later (render-after-paint.ts): before a dialog takes the focus. */
  renderNow(): void;
  /**
   * Replaces the draft with another edition (a restored version): text and details, as one step that Ctrl+Z undoes,
   * details included.
   */
  replaceDocument(doc: PolicyDocument): void;
  /** Keeps unsaved edits in the journal now, for a window about to move away from a document it could not save. */
  keepUnsaved(): Promise<void>;
  /** The document as it is in the editor now, and the count of its edits so far. */
  snapshot(): { document: PolicyDocument; version: number };
  /** The edits up to `version` were saved somewhere else (a copy of a read-only project): nothing more to keep here. */
  savedElsewhere(version: number): void;
}

interface Props {
  /** Bound to the document's own project: every save goes there, whatever the window opens later. */
  client: ProjectClient;
  documentId: string;
  /** The document and the stamp of the file it was read from, the base of the first save. */
  initial: LoadedDocument;
  sidebar?: ReactNode;
  handleRef?: Ref<EditorHandle>;
  onStatus?: (status: SaveStatus) => void;
  /** The project's clause library and variables, kept by the app for every document of the project. */
  clauses?: ClauseTools;
  /** The file changed outside and this window had nothing unsaved, or the person chose theirs: show it afresh. */
  onReload?: (loaded: LoadedDocument, notice: string) => void;
  /** A copy kept while settling a conflict was added to the project. */
  onDocumentAdded?: (summary: DocumentSummary) => void;
  onCompare?: (old: CompareSource, next: CompareSource) => Promise<void>;
}

// Blocks per lowest chunk: small enough that an edit re-renders little, large enough to keep the chunk tree shallow.
const CHUNK_SIZE = 48;
// Chunks drawn with the first render (more than a screen, and all of a typical policy), then per task after that.
const FIRST_CHUNKS = 4;
const CHUNKS_PER_TASK = 2;
const OUTLINE_TEXT_DELAY_MS = 250;
const APP_COMMANDS: ReadonlySet<Command> = new Set(['newProject', 'openProject', 'newDocument', 'importDocument', 'exportDocument', 'saveVersion', 'showVersions']);
// Commands that would change locked text in ways the lock's own checks do not see (block types, links).
const BLOCK_FORMAT_COMMANDS: ReadonlySet<Command> = new Set(['bulletedList', 'numberedList', 'link']);

export function DocumentEditor({ client, documentId, initial: loaded, sidebar, handleRef, onStatus, clauses, onReload, onDocumentAdded, onCompare }: Props) {
  const initial = loaded.document;
  // What the file held when this window last read or wrote it; null once it is gone and the person saves it again.
  const stamp = useRef<string | null>(loaded.stamp);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // A reload or a settled conflict that arrives after the editor went away must not touch the next one.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [settling, setSettling] = useState(false);
  const mounter = useMemo(() => new ChunkMounter(FIRST_CHUNKS, CHUNKS_PER_TASK), []);
  // Typing whose render is held still counts as typing for the autosave, which waits for it to stop.
  const typedWhileHeld = useRef<() => void>(() => undefined);
  // Made together, so that the editor and its held renders are always a pair.
  const { editor, held } = useMemo(() => {
    const held: RenderAfterPaint = new RenderAfterPaint({
      mayRefuseTyping: (): boolean => lockedIn(e, e.selection) >= 0,
      onHold: () => typedWhileHeld.current(),
    });
    const e: PolicyEditor = withRenderAfterPaint(withMountingBeforeEdits(withClauseLock(withPolicy(withHistory(withReact(createEditor())) as PolicyEditor)), mounter), held);
    e.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
    // Drawing more of the document renders the editor: held letters go first, so that the render has them all.
    mounter.beforeStep = held.flush;
    return { editor: e, held };
  }, [mounter]);
  const initialValue = useMemo(() => blocksToSlate(initial.blocks) as Descendant[], [initial]);
  const [meta, setMeta] = useState<DocumentMeta>(() => metaOf(initial));
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const store = useMemo(() => new SectionNumberStore(), []);
  const [message, setMessage] = useState<string | null>(null);
  const [linkPrompt, setLinkPrompt] = useState<{ href: string } | null>(null);
  const [side, setSide] = useState<SideTab>('document');

  const listNumbers = useMemo(() => new ListNumberStore(), []);
  useEffect(() => {
    mounter.start();
    return () => mounter.stop();
  }, [mounter]);
  useEffect(() => held.listen(window), [held]);
  // Puts every block in the page before this task ends, for what needs the whole document at once.
  const drawAll = useCallback(() => {
    if (!mounter.complete) flushSync(() => mounter.mountAll());
  }, [mounter]);
  // Numbers exist before the first paint, so no heading or numbered item ever shows without one.
  useMemo(() => store.update(initialValue as BlockElement[], initial.numbering), [store, initialValue, initial.numbering]);
  useMemo(() => listNumbers.update(editor, initialValue as BlockElement[]), [listNumbers, editor, initialValue]);

  const snapshot = useCallback((): PolicyDocument => {
    ensureUniqueIds(editor);
    return { format: FORMAT_VERSION, ...metaRef.current, blocks: slateToBlocks(editor.children as BlockElement[]) };
  }, [editor]);
  const save = useCallback(async () => {
    try {
      const saved = await client.saveDocument({ documentId, document: snapshot(), base: stamp.current });
      stamp.current = saved.stamp;
    } catch (error) {
      if (isConflict(error)) setConflict({ kind: error.code === 'missing' ? 'missing' : 'changed', message: error.message });
      throw error;
    }
  }, [client, documentId, snapshot]);
  const storedText = useMemo(() => new StoredText(), []);
  // Recovery is looked for before anything is journaled, so a first keystroke cannot replace edits left by a crash.
  const [recovery, setRecovery] = useState<RecoveredEdits | null>(null);
  const journal = useMemo(
    () =>
      new EditJournal(client, documentId, newWindowId(), () => ({
        text: storedText.text({ format: FORMAT_VERSION, ...metaRef.current }, editor.children as BlockElement[]),
        base: stamp.current,
      })),
    [client, documentId, editor, storedText],
  );
  const autosave = useAutosave(save, () => void journal.clear());
  const markDirty = useCallback(() => {
    autosave.markDirty();
    journal.changed();
  }, [autosave, journal]);
  typedWhileHeld.current = markDirty;

  useEffect(() => {
    let live = true;
    journal.after(
      browserJournal.all(client.projectPath, documentId).then(async (browser) => {
        const found = await client.recoverJournal({ documentId, window: journal.window, browser }).catch(() => null);
        if (!found) return;
        for (const window of found.stale) await browserJournal.delete({ projectPath: client.projectPath, documentId, window });
        if (live && found.recovered) setRecovery(found.recovered);
      }),
    );
    // Each block's stored line is written in idle time, so the first journal entry during typing costs little.
    let next = 0;
    const cancel = onIdle(function warm() {
      next = storedText.warm(editor.children as BlockElement[], next, 400);
      return next < editor.children.length;
    });
    return () => {
      live = false;
      cancel();
      // Edits that never reached the disk stay in the journal when the editor goes (a document or project switch).
      if (autosave.isDirty()) void journal.keepNow(true);
      journal.stop();
    };
  }, [client, documentId, journal, storedText, editor, autosave]);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;

  useDiskWatch({
    client,
    documentId,
    window: journal.window,
    stamp: () => stamp.current,
    quiet: () => conflictRef.current !== null || autosave.statusStore.get().state === 'saving',
    onOutsideChange: (check) => {
      held.flush();
      if (check.state === 'changed' && !autosave.isDirty() && onReload) {
        void client.loadDocument({ documentId }).then(
          (theirs) => {
            held.flush();
            // Typed while the file was being read: not a clean window any more, so the person chooses.
            if (!mounted.current) return;
            if (!autosave.isDirty()) return onReload(theirs, `${theirs.document.title} was changed outside this window and has been reloaded.`);
            const message = `${metaRef.current.title || documentId} was changed outside this window while you were editing it; nothing has been overwritten.`;
            autosave.pause(message);
            setConflict({ kind: 'changed', message });
          },
          () => undefined,
        );
        return;
      }
      const found: Conflict =
        check.state === 'missing'
          ? { kind: 'missing', message: `${metaRef.current.title || documentId} was deleted or renamed outside this window; your text is still here and is not saved.` }
          : { kind: 'changed', message: `${metaRef.current.title || documentId} was changed outside this window while you were editing it; nothing has been overwritten.` };
      autosave.pause(found.message);
      setConflict(found);
    },
  });

  /** Runs one way of settling a conflict; whatever fails is said, and the conflict stays to be settled again. */
  const settle = useCallback(
    async (how: () => Promise<void>) => {
      setSettling(true);
      try {
        await how();
      } catch (error) {
        setMessage(error instanceof Error ? error.message : String(error));
      } finally {
        setSettling(false);
      }
    },
    [],
  );
  const reloadTheirs = useCallback(
    () =>
      settle(async () => {
        const mine = snapshot();
        const copy = await client.addDocument({ document: { ...mine, title: copyTitle(mine.title, 'my edits') } });
        onDocumentAdded?.(copy);
        const theirs = await client.loadDocument({ documentId });
        autosave.discard();
        setConflict(null);
        if (mounted.current) onReload?.(theirs, `Reloaded ${theirs.document.title} as it is on disk; your edits are kept as the document “${copy.title}”.`);
      }),
    [settle, snapshot, client, documentId, onDocumentAdded, autosave, onReload],
  );
  const keepMine = useCallback(
    () =>
      settle(async () => {
        const theirs = await client.loadDocument({ documentId });
        const copy = await client.addDocument({ document: { ...theirs.document, title: copyTitle(theirs.document.title, 'changed outside') } });
        onDocumentAdded?.(copy);
        stamp.current = theirs.stamp;
        setConflict(null);
        setMessage(`The version changed outside is kept as the document “${copy.title}”.`);
        autosave.markDirty();
        await autosave.resume();
      }),
    [settle, client, documentId, onDocumentAdded, autosave],
  );
  const saveAgain = useCallback(
    () =>
      settle(async () => {
        stamp.current = null;
        setConflict(null);
        autosave.markDirty();
        await autosave.resume();
      }),
    [settle, autosave],
  );
  const compareWithTheirs = useCallback(
    () => settle(async () => onCompare?.({ kind: 'draft', documentId }, await documentAsFile(snapshot(), `${documentId} (this window)`))),
    [settle, onCompare, documentId, snapshot],
  );

  useEffect(() => {
    if (!onStatus) return;
    const store = autosave.statusStore;
    onStatus(store.get());
    return store.subscribe(() => onStatus(store.get()));
  }, [autosave.statusStore, onStatus]);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(t);
  }, [message]);

  useEffect(() => hideEditableFromReactSelection(ReactEditor.toDOMNode(editor, editor)), [editor]);

  const outlineTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clauseUi = useClauseUi(editor, clauses, setMessage);

  const onValueChange = useCallback(() => {
    markDirty();
    const ops = editor.operations;
    // Only when blocks came or went or changed their fields, never per key: list numbers now, clause drift after a pause.
    if (ops.some(changesBlocks)) {
      listNumbers.update(editor);
      clauseUi.scheduleDrift();
    }
    if (ops.some(changesSections)) {
      store.update(editor.children as BlockElement[], metaRef.current.numbering);
      return;
    }
    // Typing in a heading changes only the outline's titles: refresh that once typing pauses.
    const inHeading = ops.some((op) => 'path' in op && (editor.children[op.path[0] ?? -1] as BlockElement | undefined)?.type === 'heading');
    if (inHeading) {
      if (outlineTimer.current) clearTimeout(outlineTimer.current);
      outlineTimer.current = setTimeout(() => store.update(editor.children as BlockElement[], metaRef.current.numbering), OUTLINE_TEXT_DELAY_MS);
    }
  }, [markDirty, editor, store, listNumbers, clauseUi]);

  const moveFromOutline = useCallback(
    (source: string, target: string | null) => {
      const outcome = moveSectionTo(editor, source, target);
      if (outcome) setMessage(outcome);
    },
    [editor],
  );

  const changeMeta = useCallback(
    (next: DocumentMeta) => {
      if (next.numbering !== metaRef.current.numbering) store.update(editor.children as BlockElement[], next.numbering);
      metaRef.current = next;
      setMeta(next);
      markDirty();
    },
    [markDirty, editor, store],
  );

  const retrySave = useCallback(() => void autosave.saveNow(), [autosave]);

  // The details a restore replaced, and the depth of the undo stack right after it: undoing that step brings them back.
  const restored = useRef<{ depth: number; meta: DocumentMeta } | null>(null);
  const replaceDocument = useCallback(
    (doc: PolicyDocument) => {
      const previous = metaRef.current;
      HistoryEditor.withNewBatch(editor, () => {
        Editor.withoutNormalizing(editor, () => {
          Transforms.deselect(editor);
          for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
          Transforms.insertNodes(editor, blocksToSlate(doc.blocks) as Descendant[], { at: [0] });
        });
      });
      restored.current = { depth: editor.history.undos.length, meta: previous };
      changeMeta(metaOf(doc));
    },
    [changeMeta, editor],
  );

  /** The recovered entry goes from both journals: it is back in the document (and this window's journal), or discarded. */
  const settleRecovered = useCallback(
    async (recovered: RecoveredEdits) => {
      await client.settleJournal({ documentId, window: recovered.window });
      await browserJournal.delete({ projectPath: client.projectPath, documentId, window: recovered.window });
    },
    [client, documentId],
  );
  const restoreRecovered = useCallback(
    () =>
      settle(async () => {
        if (!recovery) return;
        let kept = '';
        // Edits made on an older file than the one open now: the file as it is now is kept as a copy first.
        if (recovery.base !== stamp.current) {
          const theirs = await client.loadDocument({ documentId });
          const copy = await client.addDocument({ document: { ...theirs.document, title: copyTitle(theirs.document.title, 'changed outside') } });
          onDocumentAdded?.(copy);
          stamp.current = theirs.stamp;
          kept = ` The file as it was is kept as the document “${copy.title}”.`;
        }
        replaceDocument(recovery.document);
        setRecovery(null);
        await journal.keepNow();
        await settleRecovered(recovery);
        setMessage(`The recovered edits are back in the document; Ctrl+Z takes them out again.${kept}`);
      }),
    [settle, recovery, client, documentId, onDocumentAdded, replaceDocument, journal, settleRecovered],
  );
  const discardRecovered = useCallback(
    () =>
      settle(async () => {
        if (!recovery) return;
        await settleRecovered(recovery);
        setRecovery(null);
      }),
    [settle, recovery, settleRecovered],
  );
  const compareRecovered = useCallback(
    () =>
      settle(async () => {
        if (recovery) await onCompare?.({ kind: 'draft', documentId }, await documentAsFile(recovery.document, `${documentId} (recovered)`));
      }),
    [settle, onCompare, documentId, recovery],
  );
  const run = useCallback(
    (command: Command) => {
      held.flush();
      if (command === 'save') {
        void autosave.saveNow();
        return;
      }
      if (BLOCK_FORMAT_COMMANDS.has(command) && lockedIn(editor, editor.selection) >= 0) {
        setMessage(LOCKED_MESSAGE);
        return;
      }
      if (clauseUi.run(command)) return;
      if (command === 'link') {
        setLinkPrompt({ href: activeLink(editor)?.href ?? 'https://' });
        return;
      }
      const undoingRestore = command === 'undo' && restored.current?.depth === editor.history.undos.length ? restored.current : null;
      const outcome = runEditorCommand(editor, command);
      if (undoingRestore) {
        restored.current = null;
        changeMeta(undoingRestore.meta);
      }
      if (outcome) setMessage(outcome);
      if (!ReactEditor.isFocused(editor)) ReactEditor.focus(editor);
    },
    [autosave, changeMeta, editor, clauseUi, held],
  );

  useImperativeHandle(
    handleRef,
    () => ({
      run,
      flush: () => {
        held.flush();
        return autosave.saveNow();
      },
      isDirty: () => {
        held.flush();
        return autosave.isDirty();
      },
      renderNow: held.flush,
      replaceDocument,
      keepUnsaved: () => journal.keepNow(true),
      snapshot: () => {
        held.flush();
        return { document: snapshot(), version: autosave.version() };
      },
      savedElsewhere: (version) => {
        if (autosave.version() === version) autosave.discard();
      },
    }),
    [run, autosave, replaceDocument, held, journal, snapshot],
  );

  const jumpTo = useCallback(
    (id: string) => {
      const index = (editor.children as BlockElement[]).findIndex((n) => n.type === 'heading' && n.id === id);
      if (index < 0) return;
      const node = editor.children[index] as BlockElement;
      drawAll();
      scrollBlockToTop(ReactEditor.toDOMNode(editor, node));
      Transforms.select(editor, Editor.end(editor, [index]));
      ReactEditor.focus(editor);
    },
    [editor, drawAll],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      // The browser's own select all, find and paging reach beyond the first screen: they need every block in the page.
      if (reachesWholePage(event)) drawAll();
      const edge = documentEdgeKey(event);
      if (edge) {
        event.preventDefault();
        moveToDocumentEdge(editor, edge, event.shiftKey, drawAll);
        return;
      }
      if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        syncSelectionFromDom(editor);
        const outcome = handleTab(editor, event.shiftKey);
        if (outcome) setMessage(outcome);
        return;
      }
      const command = commandForKey(event);
      // Commands of the app, not the editor (export), bubble up to the window's listener.
      if (!command || APP_COMMANDS.has(command)) return;
      event.preventDefault();
      syncSelectionFromDom(editor);
      run(command);
    },
    [editor, run, drawAll],
  );

  // A click on a chunk not drawn yet (after dragging the scroll bar far down at once) draws everything first.
  const onMouseDown = useCallback(
    (event: React.MouseEvent<HTMLDivElement>) => {
      if (event.target instanceof HTMLElement && event.target.closest('.pending')) drawAll();
    },
    [drawAll],
  );

  return (
    <ChunkMounterContext.Provider value={mounter}>
    <SectionNumbersContext.Provider value={store}>
      <ListNumbersContext.Provider value={listNumbers}>
      <ClauseViewContext.Provider value={clauseUi.view}>
      <Slate editor={editor} initialValue={initialValue} onValueChange={onValueChange}>
        <div className="doc-layout">
          <aside className="left-column">
            {sidebar}
            <OutlinePanel store={store} onJump={jumpTo} onMove={moveFromOutline} />
          </aside>
          <main className="center-column">
            <div className="toolbar-row">
              <Toolbar onCommand={run} />
              <SaveIndicator store={autosave.statusStore} onRetry={retrySave} />
            </div>
            {recovery ? (
              <RecoveryBanner
                title={meta.title || documentId}
                recovered={recovery}
                busy={settling}
                onRestore={() => void restoreRecovered()}
                onCompare={() => void compareRecovered()}
                onDiscard={() => void discardRecovered()}
              />
            ) : null}
            {conflict ? (
              <ConflictBanner
                conflict={conflict}
                busy={settling}
                onReloadTheirs={() => void reloadTheirs()}
                onKeepMine={() => void keepMine()}
                onCompare={() => void compareWithTheirs()}
                onSaveAgain={() => void saveAgain()}
              />
            ) : null}
            {linkPrompt ? (
              <LinkPrompt
                initial={linkPrompt.href}
                onCancel={() => {
                  setLinkPrompt(null);
                  ReactEditor.focus(editor);
                }}
                onSubmit={(href) => {
                  const error = setLink(editor, href);
                  if (error) return error;
                  setLinkPrompt(null);
                  ReactEditor.focus(editor);
                  return null;
                }}
              />
            ) : null}
            <div className="page-scroll">
              <article className="page" aria-label={meta.title}>
                <header className="page-header">
                  <h1 className="doc-title">{meta.title || 'Untitled document'}</h1>
                  <p className="doc-dates">
                    {meta.effectiveDate ? <span>Effective date: {longDay(meta.effectiveDate)}</span> : null}
                    {meta.lastUpdated ? <span>Last updated: {longDay(meta.lastUpdated)}</span> : null}
                  </p>
                </header>
                <Editable
                  // While a conflict or a recovery is being settled, nothing typed could be lost between its steps.
                  readOnly={settling}
                  className="policy-editor"
                  aria-label="Policy text"
                  renderElement={renderElement}
                  renderLeaf={renderLeaf}
                  renderChunk={renderChunk}
                  scrollSelectionIntoView={scrollCaretIntoView}
                  onKeyDown={onKeyDown}
                  onMouseDown={onMouseDown}
                  onDrop={clauseUi.onDrop}
                  onDragOver={clauseUi.onDragOver}
                  spellCheck
                />
              </article>
            </div>
            <div className="status-bar" role="status" aria-live="polite">
              {message ?? ''}
            </div>
          </main>
          <aside className="right-column">
            <div className="panel-tabs" role="tablist" aria-label="Side panels">
              {SIDE_TABS.map(([tab, name]) => (
                <button key={tab} type="button" role="tab" aria-selected={side === tab} className={side === tab ? 'active' : ''} onClick={() => setSide(tab)}>
                  {name}
                </button>
              ))}
            </div>
            {side === 'document' ? <DocumentPanel meta={meta} onChange={changeMeta} /> : side === 'clauses' ? clauseUi.panel : clauseUi.variablesPanel}
          </aside>
        </div>
        {clauseUi.dialogs}
      </Slate>
      </ClauseViewContext.Provider>
      </ListNumbersContext.Provider>
    </SectionNumbersContext.Provider>
    </ChunkMounterContext.Provider>
  );
}

/** Whether an operation adds, removes, moves, splits, joins or re-kinds a block: what can change list numbers. */
function changesBlocks(op: Operation): boolean {
  return op.type !== 'insert_text' && op.type !== 'remove_text' && op.type !== 'set_selection' && 'path' in op && op.path.length === 1;
}

/**
 * Whether an operation can change the section numbers or the outline's shape. Typing and splitting body paragraphs
 * cannot, and they are most of what happens, so the renumbering walk is skipped for them.
 */
function changesSections(op: Operation): boolean {
  switch (op.type) {
    case 'insert_node':
    case 'remove_node':
      return op.path.length === 1 && Element.isElement(op.node) && op.node.type === 'heading';
    case 'split_node':
    case 'merge_node':
      return op.path.length === 1 && (op.properties as Partial<BlockElement>).type === 'heading';
    case 'set_node':
      return op.path.length === 1 && ('type' in op.newProperties || 'level' in op.newProperties || 'id' in op.newProperties || 'type' in op.properties);
    case 'move_node':
      return op.path.length === 1;
    default:
      return false;
  }
}

/** Keys the browser handles over the whole page: select all, find (Ctrl+F, Ctrl+G, F3), replace, paging. */
function reachesWholePage(event: React.KeyboardEvent): boolean {
  if (event.key === 'PageDown' || event.key === 'PageUp' || event.key === 'F3') return true;
  // AltGr reports Ctrl+Alt on Windows: a character, not a shortcut.
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  return ['a', 'f', 'g', 'h'].includes(event.key.toLowerCase());
}

function metaOf(doc: PolicyDocument): DocumentMeta {
  const { title, effectiveDate, lastUpdated, versionLabel, owner, numbering } = doc;
  return { title, effectiveDate, lastUpdated, versionLabel, owner, numbering };
}

/** A heading copied within the document carries its original's id; the later copy gets a new one before saving. */
function ensureUniqueIds(editor: Editor): void {
  const seen = new Set<string>();
  (editor.children as BlockElement[]).forEach((node, index) => {
    if (node.type !== 'heading') return;
    if (seen.has(node.id)) Transforms.setNodes(editor, { id: newSectionId() }, { at: [index] });
    else seen.add(node.id);
  });
}
