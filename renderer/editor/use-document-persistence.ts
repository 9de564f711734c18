/**
 * The document's way to its file and back, as one hook: the autosave (each save based on the stamp of the file as this
 * window last read or wrote it), the crash journal and the offer of edits it kept, the watch on the file, and the
 * conflicts a refused save or the watch bring, with the ways to settle them. The editor only marks its changes dirty
 * and shows what this returns; nothing here runs per key (markDirty is a counter and a timer).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Transforms, type Editor } from 'slate';
import type { ProjectClient } from '../../shared/api/client';
import type { CompareSource, DocumentSummary, LoadedDocument, RecoveredEdits } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import { newSectionId } from '../../shared/model/ids';
import { FORMAT_VERSION } from '../../shared/model/vocabulary';
import { onIdle } from '../common/tasks';
import { isConflict, useAutosave, type SaveStatus } from './autosave';
import { browserJournal } from './browser-journal';
import type { Conflict } from './ConflictBanner';
import { notesOfSlate, slateToText } from './convert';
import { keepKnownComments } from '../../shared/review/threads';
import { copyTitle, documentAsFile } from './document-copies';
import type { DocumentMeta } from './DocumentPanel';
import { EditJournal, newWindowId } from './edit-journal';
import type { RenderAfterPaint } from './render-after-paint';
import { checkSameAsFile } from './file-check';
import { StoredText, type StoredEdition } from './stored-text';
import type { BlockElement, PolicyEditor } from './types';
import { useDiskWatch } from './use-disk-watch';
import { shortcutText } from '../../shared/api/commands';

export interface PersistenceOptions {
  /** Bound to the document's own project: every save goes there, whatever the window opens later. */
  client: ProjectClient;
  documentId: string;
  /** The document as read, and the stamp of the file it was read from: the base of the first save. */
  loaded: LoadedDocument;
  editor: PolicyEditor;
  held: RenderAfterPaint;
  /** The document's details as they are now (stable). */
  meta: () => DocumentMeta;
  /** Shows a line in the status bar (stable). */
  say: (message: string) => void;
  /** Puts another edition in the editor as one step Ctrl+Z undoes: recovered edits being restored. */
  replaceDocument: (doc: PolicyDocument) => void;
  onStatus?: (status: SaveStatus) => void;
  /** The file changed outside and this window had nothing unsaved, or the person chose theirs: show it afresh. */
  onReload?: (loaded: LoadedDocument, notice: string) => void;
  /** A copy kept while settling a conflict was added to the project. */
  onDocumentAdded?: (summary: DocumentSummary) => void;
  onCompare?: (old: CompareSource, next: CompareSource) => Promise<void>;
}

export type DocumentPersistence = ReturnType<typeof useDocumentPersistence>;

export function useDocumentPersistence(options: PersistenceOptions) {
  const { client, documentId, loaded, editor, held, meta, say, onStatus } = options;
  // The callbacks as last given: they are called later (after a read, a click), never during a render.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const [stamp] = useState(() => new FileStamp(loaded.stamp));
  const [conflict, showConflict] = useState<Conflict | null>(null);
  const conflictShown = useRef<Conflict | null>(null);
  const setConflict = useCallback((next: Conflict | null) => {
    conflictShown.current = next;
    showConflict(next);
  }, []);
  // A reload or a settled conflict that arrives after the editor went away must not touch the next one.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [settling, setSettling] = useState(false);
  const titleOf = useCallback(() => meta().title || documentId, [meta, documentId]);

  const snapshot = useCallback((): PolicyDocument => {
    ensureUniqueIds(editor);
    // A mark whose thread was deleted (and brought back by an undo) is not saved: the file names only threads it holds.
    return keepKnownComments({ format: FORMAT_VERSION, ...meta(), ...slateToText(editor.children as BlockElement[]) });
  }, [editor, meta]);
  const [storedText] = useState(() => new StoredText());
  // What the journal keeps: the text as the file would hold it, and the stamp of the file the edits are based on.
  const journalEntry = useCallback(
    () => ({ edition: storedText.edition({ format: FORMAT_VERSION, ...meta(), ...notesField(editor.children as BlockElement[]) }, editor.children as BlockElement[]), base: stamp.get() }),
    [storedText, meta, editor, stamp],
  );
  // The last save: the document as the journal would have written it then, and the stamp of the file it made.
  const lastSaved = useRef<{ edition: StoredEdition; stamp: string } | null>(null);
  const save = useCallback(async () => {
    try {
      const document = snapshot();
      const { edition } = journalEntry();
      const saved = await client.saveDocument({ documentId, document, base: stamp.get() });
      stamp.set(saved.stamp);
      lastSaved.current = { edition, stamp: saved.stamp };
    } catch (error) {
      if (isConflict(error)) setConflict({ kind: error.code === 'missing' ? 'missing' : 'changed', message: error.message });
      throw error;
    }
  }, [client, documentId, snapshot, journalEntry, setConflict, stamp]);
  // Recovery is looked for before anything is journaled, so a first keystroke cannot replace edits left by a crash.
  const [recovery, setRecovery] = useState<RecoveredEdits | null>(null);
  const journal = useMemo(() => new EditJournal(client, documentId, newWindowId(), journalEntry), [client, documentId, journalEntry]);
  // Saved with nothing typed since: the journal's entry goes, and the file just written is checked against the
  // document as saved, so that the next entry can be a patch of it (see checkForJournal).
  const stopCheck = useRef(() => {});
  // Whether the editor is still there: a save that ends after it went starts no check.
  const editing = useRef(false);
  const autosave = useAutosave(save, () => {
    void journal.clear();
    const saved = lastSaved.current;
    stopCheck.current();
    if (saved && editing.current) stopCheck.current = checkForJournal(journal, saved.edition, saved.stamp, stamp);
  });
  const markDirty = useCallback(() => {
    autosave.markDirty();
    journal.changed();
  }, [autosave, journal]);

  useEffect(() => {
    let live = true;
    editing.current = true;
    journal.after(
      browserJournal.all(client.projectPath, documentId).then(async (browser) => {
        const found = await client.recoverJournal({ documentId, window: journal.window, browser }).catch(() => null);
        if (!found) return;
        for (const window of found.stale) await browserJournal.delete({ projectPath: client.projectPath, documentId, window });
        if (live && found.recovered) setRecovery(found.recovered);
      }),
    );
    // Each block's stored line is written in idle time, so that journal entries during typing cost little. When the
    // document has a file, that is done by checking the document as read against it (file-check.ts), which lets the
    // first entry be a patch of the file; the first entry waits a moment for the check.
    const { edition, base } = journalEntry();
    let next = 0;
    const cancel =
      base === null
        ? onIdle(function warm(deadline) {
            next = storedText.warmStep(editor.children as BlockElement[], next, deadline);
            return next < editor.children.length;
          })
        : checkForJournal(journal, edition, base, stamp);
    return () => {
      live = false;
      editing.current = false;
      cancel();
      stopCheck.current();
      // Edits that never reached the disk stay in the journal when the editor goes (a document or project switch).
      if (autosave.isDirty()) void journal.keepNow(true);
      journal.stop();
    };
  }, [client, documentId, journal, journalEntry, storedText, editor, autosave, stamp]);

  useDiskWatch({
    client,
    documentId,
    window: journal.window,
    stamp: stamp.get,
    quiet: () => conflictShown.current !== null,
    saves: autosave.saves,
    onOutsideChange: (check) => {
      held.flush();
      const onReload = latest.current.onReload;
      if (check.state === 'changed' && !autosave.isDirty() && onReload) {
        void client.loadDocument({ documentId }).then(
          (theirs) => {
            held.flush();
            // Typed while the file was being read: not a clean window any more, so the person chooses.
            if (!mounted.current) return;
            if (!autosave.isDirty()) return onReload(theirs, `${theirs.document.title} was changed outside this window and has been reloaded.`);
            const message = `${titleOf()} was changed outside this window while you were editing it; nothing has been overwritten.`;
            autosave.pause(message);
            setConflict({ kind: 'changed', message });
          },
          () => undefined,
        );
        return;
      }
      const found: Conflict =
        check.state === 'missing'
          ? { kind: 'missing', message: `${titleOf()} was deleted or renamed outside this window; your text is still here and is not saved.` }
          : { kind: 'changed', message: `${titleOf()} was changed outside this window while you were editing it; nothing has been overwritten.` };
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
        say(error instanceof Error ? error.message : String(error));
      } finally {
        setSettling(false);
      }
    },
    [say],
  );
  const reloadTheirs = useCallback(
    () =>
      settle(async () => {
        const mine = snapshot();
        const copy = await client.addDocument({ document: { ...mine, title: copyTitle(mine.title, 'my edits') } });
        latest.current.onDocumentAdded?.(copy);
        const theirs = await client.loadDocument({ documentId });
        autosave.discard();
        setConflict(null);
        if (mounted.current) latest.current.onReload?.(theirs, `Reloaded ${theirs.document.title} as it is on disk; your edits are kept as the document “${copy.title}”.`);
      }),
    [settle, snapshot, client, documentId, autosave, setConflict],
  );
  const keepMine = useCallback(
    () =>
      settle(async () => {
        const theirs = await client.loadDocument({ documentId });
        const copy = await client.addDocument({ document: { ...theirs.document, title: copyTitle(theirs.document.title, 'changed outside') } });
        latest.current.onDocumentAdded?.(copy);
        stamp.set(theirs.stamp);
        setConflict(null);
        say(`The version changed outside is kept as the document “${copy.title}”.`);
        autosave.markDirty();
        await autosave.resume();
      }),
    [settle, client, documentId, autosave, setConflict, say, stamp],
  );
  const saveAgain = useCallback(
    () =>
      settle(async () => {
        stamp.set(null);
        setConflict(null);
        autosave.markDirty();
        await autosave.resume();
      }),
    [settle, autosave, setConflict, stamp],
  );
  const compareWithTheirs = useCallback(
    () => settle(async () => latest.current.onCompare?.({ kind: 'draft', documentId }, await documentAsFile(snapshot(), `${documentId} (this window)`))),
    [settle, documentId, snapshot],
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
        if (recovery.base !== stamp.get()) {
          const theirs = await client.loadDocument({ documentId });
          const copy = await client.addDocument({ document: { ...theirs.document, title: copyTitle(theirs.document.title, 'changed outside') } });
          latest.current.onDocumentAdded?.(copy);
          stamp.set(theirs.stamp);
          kept = ` The file as it was is kept as the document “${copy.title}”.`;
        }
        latest.current.replaceDocument(recovery.document);
        setRecovery(null);
        await journal.keepNow();
        await settleRecovered(recovery);
        say(`The recovered edits are back in the document; ${shortcutText('undo')} takes them out again.${kept}`);
      }),
    [settle, recovery, client, documentId, journal, settleRecovered, say, stamp],
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
        if (recovery) await latest.current.onCompare?.({ kind: 'draft', documentId }, await documentAsFile(recovery.document, `${documentId} (recovered)`));
      }),
    [settle, documentId, recovery],
  );

  useEffect(() => {
    if (!onStatus) return;
    const store = autosave.statusStore;
    onStatus(store.get());
    return store.subscribe(() => onStatus(store.get()));
  }, [autosave.statusStore, onStatus]);

  const keepUnsaved = useCallback(() => journal.keepNow(true), [journal]);
  const savedElsewhere = useCallback(
    (version: number) => {
      if (autosave.version() === version) autosave.discard();
    },
    [autosave],
  );

  return {
    statusStore: autosave.statusStore,
    markDirty,
    /** The document as it is in the editor now (gives a copied heading a new id first). */
    snapshot,
    saveNow: autosave.saveNow,
    isDirty: autosave.isDirty,
    /** The count of edits so far. */
    version: autosave.version,
    keepUnsaved,
    savedElsewhere,
    /** While a conflict or a recovery is being settled, nothing typed could be lost between its steps. */
    settling,
    conflict,
    reloadTheirs,
    keepMine,
    saveAgain,
    compareWithTheirs,
    recovery,
    restoreRecovered,
    discardRecovered,
    compareRecovered,
  };
}

/** What the file held when this window last read or wrote it; null once it is gone and the person saves it again. */
class FileStamp {
  constructor(private value: string | null) {}

  get = (): string | null => this.value;

  set(value: string | null): void {
    this.value = value;
  }
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

/**
 * Checks the document as read against its file (file-check.ts) while the journal waits a moment for the answer: when
 * they are the same, its first entry can be a patch of the file. Returns the function that stops the check.
 */
function checkForJournal(journal: EditJournal, read: StoredEdition, fileStamp: string, stamp: FileStamp): () => void {
  let stop = () => {};
  journal.checkingFile(
    new Promise<void>((resolve) => {
      const stopCheck = checkSameAsFile(read, fileStamp, (same) => {
        // Not when a save came first: the file is no longer the one read.
        if (same && stamp.get() === fileStamp) journal.startFrom(read, fileStamp);
        resolve();
      });
      // Stopped (the editor goes): the journal waits no longer.
      stop = () => {
        stopCheck();
        resolve();
      };
    }),
  );
  return stop;
}

/** The footnotes of the editor's text as the file's `notes` field, absent when there are none. */
function notesField(nodes: readonly BlockElement[]): { notes?: ReturnType<typeof notesOfSlate> } {
  const notes = notesOfSlate(nodes);
  return notes.length > 0 ? { notes } : {};
}
