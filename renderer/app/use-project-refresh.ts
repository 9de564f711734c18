import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { ProjectInfo } from '../../shared/api/contract';

/**
 * The document list as it is on disk whenever the window gets the focus back: a document imported from the command
 * line, or added, moved or deleted by another window, shows without reopening the project. Only then, not on a timer:
 * listing reads every document's title.
 */
export function useProjectRefresh(client: ProjectClient | null, project: ProjectInfo | null, setProject: Dispatch<SetStateAction<ProjectInfo | null>>): void {
  const latest = useRef(project);
  latest.current = project;
  useEffect(() => {
    if (!client) return;
    let stopped = false;
    let asking = false;
    const refresh = async () => {
      // The focus and the page shown again come together: one question answers both.
      if (asking || document.visibilityState === 'hidden') return;
      asking = true;
      const asked = latest.current;
      try {
        const info = await client.getProject({});
        // A list set while this was asked (a delete, a move, an import of this window's) is newer than this answer.
        setProject((current) => (!stopped && current === asked && current?.path === info.path && !sameList(current, info) ? info : current));
      } catch {
        // The project's folder is away just now: the list stays as it was, and the next save says what is wrong.
      } finally {
        asking = false;
      }
    };
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      stopped = true;
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [client, setProject]);
}

/** What the window shows of a project: the same keeps the same object, so nothing that reads it draws again. */
function sameList(a: ProjectInfo, b: ProjectInfo): boolean {
  return a.name === b.name && a.readOnly === b.readOnly && JSON.stringify(a.documents) === JSON.stringify(b.documents);
}
