import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { ProjectInfo } from '../../shared/api/contract';

/**
 * The document list as it is on disk whenever the window gets the focus back: a document imported from the command
 * line, or added, moved or deleted by another window, shows without reopening the project. Only then, not on a timer:
 * listing reads every document's title.
 */
export function useProjectRefresh(client: ProjectClient | null, setProject: Dispatch<SetStateAction<ProjectInfo | null>>): void {
  useEffect(() => {
    if (!client) return;
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const info = await client.getProject({});
        if (stopped) return;
        // The same list keeps the same object, so nothing that reads it draws again.
        setProject((current) => (current?.path === info.path && JSON.stringify(current) !== JSON.stringify(info) ? info : current));
      } catch {
        // The project's folder is away just now: the list stays as it was, and the next save says what is wrong.
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
