/**
 * One open document: puts together the editor (create-editor.ts), the numbers it shows beside the text, its way to
 * disk (use-document-persistence.ts), its commands and keys (use-editor-keys.ts), and the layout (EditorLayout.tsx),
 * with whatever feature the app plugs in (editor-feature.ts: the clause library). The app reaches it through
 * EditorHandle.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { Editor, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import { Editable, ReactEditor, Slate } from 'slate-react';
import type { Command } from '../../shared/api/commands';
import type { ProjectClient } from '../../shared/api/client';
import type { CompareSource, DocumentSummary, LoadedDocument } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import { DEFAULT_LANGUAGE, FORMAT_VERSION } from '../../shared/model/vocabulary';
import type { SaveStatus } from './autosave';
import { changesBlocks, changesListNumbers, changesSections } from './change-kinds';
import { LOCKED_MESSAGE, lockedIn } from './clause-lock';
import { ChunkMounterContext } from './chunk-mounter';
import { blocksInSteps, blocksToSlate, notesById, slateToText } from './convert';
import { countOpenSuggestions } from './count-suggestions';
import { createPolicyEditor } from './create-editor';
import { DocumentBanners } from './DocumentBanners';
import { DocumentPage } from './DocumentPage';
import { DocumentPanel, type DocumentMeta } from './DocumentPanel';
import { AdornmentsContext, FeatureHost, NO_SLOTS, type EditorFeature, type FeatureSlots } from './editor-feature';
import { EditorLayout } from './EditorLayout';
import { renderChunk, renderElement, renderLeaf, renderText, SectionNumbersContext } from './elements';
import { rehearseWhenDrawn } from './rehearsal';
import { withParagraphAfterTable } from './with-tables';
import { afterNextPaint } from '../common/tasks';
import { ListNumberStore, ListNumbersContext, writeListLabelInPage } from './list-numbers';
import { activeLink, setLink } from './marks';
import { OutlinePanel } from './OutlinePanel';
import { hideEditableFromReactSelection } from './react-selection-walk';
import { runEditorCommand } from './run-command';
import { insertTable, tableSizeError } from './table-commands';
import { TablePrompt } from './TablePrompt';
import { TableMenu } from './TableMenu';
import { registerFocuser } from '../common/focus-targets';
import { SaveIndicator } from './SaveIndicator';
import { scrollBlockToTop, scrollCaretIntoView } from './scrolling';
import { moveSectionTo } from './section-commands';
import { SectionNumberStore } from './section-numbers';
import { syncSelectionFromDom } from './sync-selection';
import { isSuggesting, setSuggesting } from './suggesting';
import { useReviewActions } from './use-review-actions';
import { standsWhenAccepted } from '../../shared/review/suggestions';
import { ReviewMenu } from './ReviewMenu';
import { Toolbar } from './Toolbar';
import type { BlockElement } from './types';
import { useDocumentPersistence } from './use-document-persistence';
import { insertReference } from '../references/reference-commands';
import { changesReferences, ReferenceCounts } from '../references/reference-counts';
import { ReferenceJumpContext } from '../references/ReferenceChip';
import { ReferencePicker } from '../references/ReferencePicker';
import { useReferenceCompletion } from '../references/use-reference-completion';
import { useEditorKeys } from './use-editor-keys';
import { FootnotesContext, useFootnotes } from '../notes/use-footnotes';

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
  /** Gives the document a new title, as the Document panel's Title field does; the next save writes it. */
  rename(title: string): void;
  /** The title as it is in the editor now (the Document panel may have changed it). */
  title(): string;
  /** The edits up to `version` were saved somewhere else (a copy of a read-only project): nothing more to keep here. */
  savedElsewhere(version: number): void;
  /** How many open suggestions the document holds now: one walk of the nodes, for a dialog as it opens. */
  openSuggestions(): number;
}

interface Props {
  /** Bound to the document's own project: every save goes there, whatever the window opens later. */
  client: ProjectClient;
  documentId: string;
  /** The document and the stamp of the file it was read from, the base of the first save. */
  initial: LoadedDocument;
  sidebar?: ReactNode;
  /** The sidebar shows something asked for (the new-document form): its column opens if it was hidden. */
  revealSidebar?: boolean;
  handleRef?: Ref<EditorHandle>;
  onStatus?: (status: SaveStatus) => void;
  /** What the app plugs in beside the text (the clause library, with the project's library and variables). */
  feature?: EditorFeature;
  /** The file changed outside and this window had nothing unsaved, or the person chose theirs: show it afresh. */
  onReload?: (loaded: LoadedDocument, notice: string) => void;
  /** A copy kept while settling a conflict was added to the project. */
  onDocumentAdded?: (summary: DocumentSummary) => void;
  onCompare?: (old: CompareSource, next: CompareSource) => Promise<void>;
  /** The person's name, which every suggestion made in this window carries; asked each time one is made. */
  reviewer?: () => string;
}

const OUTLINE_TEXT_DELAY_MS = 250;
// Commands that would change locked text in ways the lock's own checks do not see (block types, links).
const BLOCK_FORMAT_COMMANDS: ReadonlySet<Command> = new Set(['bulletedList', 'numberedList', 'link']);
const NOT_SUGGESTIBLE_MESSAGE = 'Lists and links cannot be suggested yet: turn Suggesting off (Ctrl+Shift+E) to change them.';
const noFeature: EditorFeature = (_host, render) => render(NO_SLOTS);

export function DocumentEditor({ client, documentId, initial: loaded, sidebar, revealSidebar = false, handleRef, onStatus, feature = noFeature, onReload, onDocumentAdded, onCompare, reviewer }: Props) {
  const initial = loaded.document;
  // Made once per document, together, so that the editor, its held renders and its mounter are always one set.
  const [{ editor, held, mounter, setOnHold }] = useState(createPolicyEditor);
  // Slate reads its value only once, and the numbers are made from that same value as their stores are created: they
  // exist before the first paint, so no heading or numbered item ever shows without one. The value goes into the
  // editor directly: given as Slate's initialValue, every node of it is first checked for use elsewhere and marked as
  // inserted (a set entry per node, 140,000 of them in a 1,000,000-word policy), which nodes made just now never need.
  const [initialValue] = useState(() => {
    const value = withParagraphAfterTable(blocksToSlate(initial.blocks, notesById(initial.notes)) as Descendant[]);
    editor.children = value;
    return value;
  });
  const [sectionNumbers] = useState(() => {
    const store = new SectionNumberStore();
    store.update(initialValue as BlockElement[], initial.numbering);
    return store;
  });
  const [listNumbers] = useState(() => {
    const store = new ListNumberStore(writeListLabelInPage);
    store.update(editor, initialValue as BlockElement[]);
    return store;
  });
  // The outline's reference badges are counted once the first screen is painted: a walk of every block's inlines,
  // 10–15 ms of a 100,000-word policy's opening, for badges nobody reads in the first frame. An edit that adds or
  // removes a reference before then counts them all anyway.
  const [referenceCounts] = useState(() => new ReferenceCounts());
  useEffect(() => afterNextPaint(() => referenceCounts.update(editor.children as BlockElement[])), [editor, referenceCounts]);
  const footnotes = useFootnotes(editor, initialValue as BlockElement[]);
  const { changed: notesChanged, insert: insertNote } = footnotes;
  const [meta, setMeta] = useState<DocumentMeta>(() => metaOf(initial));
  const metaRef = useRef(meta);
  const readMeta = useCallback(() => metaRef.current, []);
  const [message, setMessage] = useState<string | null>(null);
  // Suggesting mode belongs to this window; the name is read when a suggestion is made, so a later change of it counts.
  const reviewerRef = useRef(reviewer);
  reviewerRef.current = reviewer;
  const [suggesting, setSuggestingShown] = useState(false);
  const [linkPrompt, setLinkPrompt] = useState<{ href: string } | null>(null);
  const [tablePrompt, setTablePrompt] = useState(false);
  const [pickingReference, setPickingReference] = useState(false);
  const [host] = useState(
    () =>
      new FeatureHost(editor, setMessage, {
        drawAll: () => {
          if (!mounter.complete) flushSync(() => mounter.mountAll());
        },
        renderNow: () => held.flush(),
        document: () => ({ format: FORMAT_VERSION, ...metaRef.current, ...slateToText(editor.children as BlockElement[]) }),
        blocksInSteps: () => blocksInSteps(editor.children as BlockElement[], metaRef.current.numbering),
        jumpToSection: (id) => jumpRef.current(id),
        comments: () => metaRef.current.comments ?? [],
        setComments: (threads) => {
          const { comments: _old, ...rest } = metaRef.current;
          changeMetaRef.current(threads.length > 0 ? { ...rest, comments: [...threads] } : rest);
        },
      }),
  );

  useEffect(() => {
    const stopListening = mounter.listenForInput(window);
    mounter.start();
    return () => {
      mounter.stop();
      stopListening();
    };
  }, [mounter]);
  useEffect(() => held.listen(window), [held]);
  // Once the document is drawn, the code of the first Enter runs once to one side, so that Enter is not slow (rehearsal.tsx).
  useEffect(() => rehearseWhenDrawn(mounter), [mounter]);
  // Puts every block in the page before this task ends, for what needs the whole document at once.
  const drawAll = host.tools.drawAll;
  const review = useReviewActions(editor, setMessage, drawAll);

  // The details a restore replaced, and the depth of the undo stack right after it: undoing that step brings them back.
  const restored = useRef<{ depth: number; meta: DocumentMeta } | null>(null);
  // Set below, once the persistence exists; a change of details is a change to save.
  const markDirtyRef = useRef<() => void>(() => undefined);
  const changeMeta = useCallback(
    (next: DocumentMeta) => {
      if (next.numbering !== metaRef.current.numbering) sectionNumbers.update(editor.children as BlockElement[], next.numbering);
      metaRef.current = next;
      setMeta(next);
      markDirtyRef.current();
    },
    [editor, sectionNumbers],
  );
  // The feature host is made before changeMeta; it reaches it through this.
  const changeMetaRef = useRef(changeMeta);
  useLayoutEffect(() => {
    changeMetaRef.current = changeMeta;
  }, [changeMeta]);
  const replaceDocument = useCallback(
    (doc: PolicyDocument) => {
      const previous = metaRef.current;
      HistoryEditor.withNewBatch(editor, () => {
        Editor.withoutNormalizing(editor, () => {
          Transforms.deselect(editor);
          for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
          Transforms.insertNodes(editor, blocksToSlate(doc.blocks, notesById(doc.notes)) as Descendant[], { at: [0] });
        });
      });
      restored.current = { depth: editor.history.undos.length, meta: previous };
      changeMeta(metaOf(doc));
    },
    [changeMeta, editor],
  );

  const persistence = useDocumentPersistence({
    client,
    documentId,
    loaded,
    editor,
    held,
    meta: readMeta,
    say: setMessage,
    replaceDocument,
    onStatus,
    onReload,
    onDocumentAdded,
    onCompare,
  });
  const { markDirty, saveNow, isDirty, version, keepUnsaved, savedElsewhere, snapshot } = persistence;
  const completion = useReferenceCompletion(editor, sectionNumbers, held.flush);
  const typed = completion.typed;
  useLayoutEffect(() => {
    // Typing whose render is held still counts as typing for the autosave, which waits for it to stop, for the
    // reference completion, which looks once it has, and for the features, which wait for a pause in it before they
    // read the document (the defined terms, the checks): told only at the held render, which comes once a second
    // under quick typing, they read between the keys.
    setOnHold(() => {
      markDirty();
      host.changed();
      typed();
    });
    markDirtyRef.current = markDirty;
  }, [setOnHold, markDirty, typed, host]);

  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(t);
  }, [message]);

  useEffect(() => hideEditableFromReactSelection(ReactEditor.toDOMNode(editor, editor)), [editor]);
  // A dialog closing, F6 and the skip link give the text its focus back through Slate, with the cursor where it was.
  useEffect(() => {
    const editable = ReactEditor.toDOMNode(editor, editor);
    return registerFocuser(editable, () => {
      // Slate believes it has the focus after a focus() the browser refused (the page was inert behind a dialog):
      // forget that first, or it would not try again.
      if (document.activeElement !== editable) ReactEditor.blur(editor);
      ReactEditor.focus(editor);
    });
  }, [editor]);

  const outlineTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onValueChange = useCallback(() => {
    markDirty();
    host.changed();
    typed();
    const ops = editor.operations;
    // Only when blocks came or went or changed their fields, never per key: list numbers now, clause drift after a pause.
    if (ops.some(changesBlocks)) {
      if (ops.some(changesListNumbers)) listNumbers.update(editor);
      host.blocksChanged();
    }
    if (ops.some(changesReferences)) referenceCounts.update(editor.children as BlockElement[]);
    notesChanged(ops);
    if (ops.some(changesSections)) {
      sectionNumbers.update(editor.children as BlockElement[], metaRef.current.numbering);
      return;
    }
    // Typing in a heading changes only the outline's titles: refresh that once typing pauses.
    const inHeading = ops.some((op) => 'path' in op && (editor.children[op.path[0] ?? -1] as BlockElement | undefined)?.type === 'heading');
    if (inHeading) {
      if (outlineTimer.current) clearTimeout(outlineTimer.current);
      outlineTimer.current = setTimeout(() => sectionNumbers.update(editor.children as BlockElement[], metaRef.current.numbering), OUTLINE_TEXT_DELAY_MS);
    }
  }, [markDirty, editor, sectionNumbers, listNumbers, referenceCounts, host, typed, notesChanged]);

  const moveFromOutline = useCallback(
    (source: string, target: string | null) => {
      const outcome = moveSectionTo(editor, source, target);
      if (outcome) setMessage(outcome);
    },
    [editor],
  );

  const retrySave = useCallback(() => void saveNow(), [saveNow]);
  const refuseDrag = useCallback((event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setMessage('While suggesting, move text by cutting and pasting it: both are recorded as suggestions.');
    return true;
  }, []);

  const run = useCallback(
    (command: Command) => {
      // A toolbar button keeps the text's selection: take it as the person sees it before the held render below
      // writes Slate's throttled copy of it back into the page (a no-op when the selection is not in the text).
      syncSelectionFromDom(editor);
      held.flush();
      if (command === 'save') {
        void saveNow();
        return;
      }
      if (BLOCK_FORMAT_COMMANDS.has(command) && lockedIn(editor, editor.selection) >= 0) {
        setMessage(LOCKED_MESSAGE);
        return;
      }
      if (command === 'toggleSuggesting') {
        const on = !isSuggesting(editor);
        setSuggesting(editor, on, () => reviewerRef.current?.() ?? '');
        // Asked now, before the first suggestion, so none is made in a name the person never gave (the app asks once).
        if (on) reviewerRef.current?.();
        setSuggestingShown(on);
        setMessage(on ? 'Suggesting: your edits are recorded as suggestions.' : 'Editing: your edits are made directly.');
        if (!ReactEditor.isFocused(editor)) ReactEditor.focus(editor);
        return;
      }
      if (BLOCK_FORMAT_COMMANDS.has(command) && isSuggesting(editor)) {
        setMessage(NOT_SUGGESTIBLE_MESSAGE);
        return;
      }
      if (review.run(command)) {
        if (!ReactEditor.isFocused(editor)) ReactEditor.focus(editor);
        return;
      }
      if (host.run(command)) return;
      if (command === 'link') {
        setLinkPrompt({ href: activeLink(editor)?.href ?? 'https://' });
        return;
      }
      if (command === 'insertTable') {
        if (lockedIn(editor, editor.selection) >= 0) setMessage(LOCKED_MESSAGE);
        else if (!editor.selection) setMessage('Put the cursor where the table should go, then choose Insert table.');
        else setTablePrompt(true);
        return;
      }
      if (command === 'insertReference') {
        if (lockedIn(editor, editor.selection) >= 0) setMessage(LOCKED_MESSAGE);
        else if (!editor.selection) setMessage('Put the cursor where the reference should go, then press Ctrl+Shift+R.');
        else setPickingReference(true);
        return;
      }
      if (command === 'insertFootnote') {
        // The new note's box at the foot of the page takes the cursor (use-footnotes.tsx).
        const outcome = insertNote();
        if (outcome) setMessage(outcome);
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
    [saveNow, changeMeta, editor, host, held, review, insertNote],
  );

  useImperativeHandle(
    handleRef,
    () => ({
      run,
      flush: () => {
        held.flush();
        return saveNow();
      },
      isDirty: () => {
        held.flush();
        return isDirty();
      },
      renderNow: held.flush,
      replaceDocument,
      keepUnsaved,
      snapshot: () => {
        held.flush();
        return { document: snapshot(), version: version() };
      },
      savedElsewhere,
      rename: (title: string) => changeMeta({ ...metaRef.current, title }),
      title: () => metaRef.current.title,
      openSuggestions: () => countOpenSuggestions(editor.children as BlockElement[]),
    }),
    [run, saveNow, isDirty, version, replaceDocument, held, keepUnsaved, savedElsewhere, snapshot, changeMeta, editor],
  );

  const jumpTo = useCallback(
    (id: string) => {
      // A moved section's id is also at its old place: the outline goes to where it stands.
      const index = (editor.children as BlockElement[]).findIndex((n) => n.type === 'heading' && n.id === id && standsWhenAccepted(n));
      if (index < 0) return;
      const node = editor.children[index] as BlockElement;
      drawAll();
      scrollBlockToTop(ReactEditor.toDOMNode(editor, node));
      Transforms.select(editor, Editor.end(editor, [index]));
      ReactEditor.focus(editor);
    },
    [editor, drawAll],
  );

  const jumpRef = useRef(jumpTo);
  useEffect(() => {
    jumpRef.current = jumpTo;
  }, [jumpTo]);

  const { onKeyDown: editorKeyDown, onMouseDown } = useEditorKeys({ editor, run, drawAll, say: setMessage });
  const completionKeys = completion.onKeyDown;
  // A reference offered for what was just typed takes Tab, Enter and Esc first (use-reference-completion.tsx).
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      if (!completionKeys(event)) editorKeyDown(event);
    },
    [completionKeys, editorKeyDown],
  );

  const closeLinkPrompt = useCallback(() => {
    setLinkPrompt(null);
    ReactEditor.focus(editor);
  }, [editor]);
  const submitLink = useCallback(
    (href: string) => {
      const error = setLink(editor, href);
      if (error) return error;
      closeLinkPrompt();
      return null;
    },
    [editor, closeLinkPrompt],
  );

  const closeTablePrompt = useCallback(() => {
    setTablePrompt(false);
    ReactEditor.focus(editor);
  }, [editor]);
  const submitTable = useCallback(
    (rows: number, columns: number, header: boolean) => {
      const wrong = tableSizeError(rows, columns);
      if (wrong) return wrong;
      // The dialog goes first, giving the text its focus back where the cursor was; the table is inserted after, so
      // that the focus is never asked for at a cell not yet in the page.
      flushSync(() => setTablePrompt(false));
      const refused = insertTable(editor, rows, columns, header);
      if (refused) setMessage(refused);
      if (!ReactEditor.isFocused(editor)) ReactEditor.focus(editor);
      return null;
    },
    [editor],
  );

  const closeReferencePicker = useCallback(() => {
    setPickingReference(false);
    ReactEditor.focus(editor);
  }, [editor]);
  const insertPickedReference = useCallback(
    (id: string, refTitle: boolean) => {
      setPickingReference(false);
      insertReference(editor, id, { refTitle });
      ReactEditor.focus(editor);
    },
    [editor],
  );

  const renderWith = (slots: FeatureSlots) => (
    <AdornmentsContext.Provider value={slots.adornments}>
      <EditorLayout
        left={
          <>
            {sidebar}
            <OutlinePanel store={sectionNumbers} references={referenceCounts} onJump={jumpTo} onMove={moveFromOutline} />
          </>
        }
        toolbar={
          <>
            <Toolbar onCommand={run} suggesting={suggesting} review={review} />
            <SaveIndicator store={persistence.statusStore} onRetry={retrySave} />
          </>
        }
        bar={slots.bar}
        banners={
          <>
            <DocumentBanners
              title={meta.title || documentId}
              persistence={persistence}
              link={linkPrompt}
              onLinkCancel={closeLinkPrompt}
              onLinkSubmit={submitLink}
            />
            {tablePrompt ? <TablePrompt onCancel={closeTablePrompt} onSubmit={submitTable} /> : null}
          </>
        }
        page={
          <DocumentPage meta={meta}>
            <Editable
              // While a conflict or a recovery is being settled, nothing typed could be lost between its steps.
              readOnly={persistence.settling}
              className={suggesting ? 'policy-editor suggesting' : 'policy-editor'}
              aria-label="Policy text"
              renderElement={renderElement}
              renderLeaf={renderLeaf}
              renderText={renderText}
              renderChunk={renderChunk}
              scrollSelectionIntoView={scrollCaretIntoView}
              onKeyDown={onKeyDown}
              onMouseDown={onMouseDown}
              onDrop={slots.onDrop}
              // Dropping whole blocks dragged within the text removes them outright (slate-react), which a suggestion
              // must not do: while suggesting, text is moved by cutting and pasting, which are suggestions.
              onDragStart={suggesting ? refuseDrag : undefined}
              onDragOver={slots.onDragOver}
              spellCheck
              // The spellchecker checks the document's own language (the Document panel sets it).
              lang={meta.language ?? DEFAULT_LANGUAGE}
            />
            {footnotes.area(persistence.settling)}
          </DocumentPage>
        }
        status={message}
        mode={
          // Always in view, whatever the toolbar's width (its own Suggesting button and menus are there only when all of
          // it fits). The editing row is full at 1,440 pixels: the Table menu lives here, beside the Review menu.
          <div className="status-mode-tools">
            <button
              type="button"
              className="status-mode"
              aria-pressed={suggesting}
              title="Suggest changes instead of making them (Ctrl+Shift+E)"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run('toggleSuggesting')}
            >
              Suggesting
            </button>
            <ReviewMenu review={review} onCommand={run} />
            <TableMenu onCommand={run} />
          </div>
        }
        tabs={[{ id: 'document', name: 'Document', panel: <DocumentPanel meta={meta} onChange={changeMeta} /> }, ...slots.tabs]}
        overlay={
          <>
            {slots.overlay}
            {completion.popup}
            {pickingReference ? <ReferencePicker sections={sectionNumbers.getOutline()} onInsert={insertPickedReference} onClose={closeReferencePicker} /> : null}
          </>
        }
        revealLeft={revealSidebar}
        revealTab={slots.reveal}
      />
    </AdornmentsContext.Provider>
  );

  return (
    <ChunkMounterContext.Provider value={mounter}>
      <SectionNumbersContext.Provider value={sectionNumbers}>
        <ListNumbersContext.Provider value={listNumbers}>
          <ReferenceJumpContext.Provider value={jumpTo}>
            <FootnotesContext.Provider value={footnotes.context}>
              {/* An empty document still goes through Slate's initialValue, which gives it its one empty block. */}
              <Slate editor={editor} initialValue={initialValue.length === 0 ? initialValue : undefined} onValueChange={onValueChange}>
                {feature(host, renderWith)}
              </Slate>
            </FootnotesContext.Provider>
          </ReferenceJumpContext.Provider>
        </ListNumbersContext.Provider>
      </SectionNumbersContext.Provider>
    </ChunkMounterContext.Provider>
  );
}

function metaOf(doc: PolicyDocument): DocumentMeta {
  const { title, effectiveDate, lastUpdated, versionLabel, owner, numbering, language, comments } = doc;
  // Comment threads travel with the details: they are saved with every save, never dropped by one.
  return {
    title,
    effectiveDate,
    lastUpdated,
    versionLabel,
    owner,
    numbering,
    ...(language ? { language } : {}),
    ...(comments && comments.length > 0 ? { comments } : {}),
  };
}
