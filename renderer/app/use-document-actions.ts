import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { DeletedDocument, ProjectInfo } from '../../shared/api/contract';
import type { EditorHandle } from '../editor/DocumentEditor';

interface Options {
  client: ProjectClient | null;
  project: ProjectInfo | null;
  setProject: Dispatch<SetStateAction<ProjectInfo | null>>;
  openId: string | null;
  editor: RefObject<EditorHandle | null>;
  openDocument: (id: string, info: ProjectInfo) => Promise<void>;
  /** Saves and closes the open document; false when it could not be saved (its edits are kept, and said). */
  closeDocument: () => Promise<boolean>;
  say: (message: string) => void;
}

/** The last deletion, offered back in the list until the person restores it or moves on. */
export interface RecentDeletion {
  deleted: DeletedDocument;
  /** Where it stood in the list, so Restore puts it back there. */
  index: number;
}

export interface DocumentActions {
  rename(id: string, title: string): Promise<string | null>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  restore(deletedId: string, index?: number): Promise<void>;
  move(id: string, delta: number): Promise<void>;
  listDeleted(): Promise<DeletedDocument[]>;
  recentDeletion: RecentDeletion | null;
  dismissDeletion(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rename, duplicate, delete (into the project's trash folder), restore and reorder documents. The open document is
 * renamed in its editor (so its own save writes the title, with no second writer to conflict with), and saved and
 * closed before it is deleted, so nothing typed is lost.
 */
export function useDocumentActions({ client, project, setProject, openId, editor, openDocument, closeDocument, say }: Options): DocumentActions {
  const [recentDeletion, setRecentDeletion] = useState<RecentDeletion | null>(null);

  const rename = useCallback(
    async (id: string, title: string): Promise<string | null> => {
      if (!client || !project) return 'No project is open.';
      const trimmed = title.trim();
      if (!trimmed) return 'A title is required.';
      try {
        if (id === openId && editor.current) {
          editor.current.rename(trimmed);
          await editor.current.flush();
        } else {
          await client.renameDocument({ documentId: id, title: trimmed });
        }
        // From the list as it is now: a refresh may have come in while this was saved.
        setProject((current) => current && { ...current, documents: current.documents.map((d) => (d.id === id ? { ...d, title: trimmed } : d)) });
        return null;
      } catch (e) {
        return messageOf(e);
      }
    },
    [client, project, openId, editor, setProject],
  );

  const duplicate = useCallback(
    async (id: string) => {
      if (!client) return;
      try {
        // The copy is made from the file: the open document's edits go there first.
        if (id === openId) await editor.current?.flush();
        const { project: info, documentId } = await client.duplicateDocument({ documentId: id });
        setProject(info);
        await openDocument(documentId, info);
      } catch (e) {
        say(messageOf(e));
      }
    },
    [client, openId, editor, setProject, openDocument, say],
  );

  const remove = useCallback(
    async (id: string) => {
      if (!client || !project) return;
      const index = project.documents.findIndex((d) => d.id === id);
      const neighbour = project.documents[index + 1] ?? project.documents[index - 1];
      try {
        if (id === openId && !(await closeDocument())) return;
        const { project: info, deleted } = await client.deleteDocument({ documentId: id });
        setProject(info);
        setRecentDeletion({ deleted, index });
        if (id === openId && neighbour && info.documents.some((d) => d.id === neighbour.id && !d.problem)) await openDocument(neighbour.id, info);
      } catch (e) {
        say(messageOf(e));
      }
    },
    [client, project, openId, closeDocument, setProject, openDocument, say],
  );

  const restore = useCallback(
    async (deletedId: string, index?: number) => {
      if (!client) return;
      try {
        const { project: info, documentId } = await client.restoreDocument({ deletedId, ...(index === undefined ? {} : { to: index }) });
        setProject(info);
        setRecentDeletion((current) => (current?.deleted.id === deletedId ? null : current));
        await openDocument(documentId, info);
      } catch (e) {
        say(messageOf(e));
      }
    },
    [client, setProject, openDocument, say],
  );

  const move = useCallback(
    async (id: string, delta: number) => {
      if (!client || !project) return;
      const index = project.documents.findIndex((d) => d.id === id);
      const to = index + delta;
      if (index < 0 || to < 0 || to >= project.documents.length) return;
      try {
        setProject(await client.moveDocument({ documentId: id, to }));
      } catch (e) {
        say(messageOf(e));
      }
    },
    [client, project, setProject, say],
  );

  const listDeleted = useCallback(async () => (client ? client.listDeletedDocuments({}) : []), [client]);

  return { rename, duplicate, remove, restore, move, listDeleted, recentDeletion, dismissDeletion: () => setRecentDeletion(null) };
}
