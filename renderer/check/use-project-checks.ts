import { useCallback, useEffect, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { ChecksView } from '../../shared/api/contract';
import type { ProjectChecks } from '../../shared/check/project-checks';

export interface ProjectChecksState {
  /** Null until read. */
  readonly view: ChecksView | null;
  /** The last change that could not be saved, in one sentence. */
  readonly error: string | null;
  /** Saves a change through the API and shows the project's checks as they are now; false when it failed. */
  readonly save: (change: () => Promise<{ checks: ProjectChecks }>) => Promise<boolean>;
}

/** The project's checks.json as the Check tab shows it, read when the tab opens and after each change it makes. */
export function useProjectChecks(client: ProjectClient): ProjectChecksState {
  const [view, setView] = useState<ChecksView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.readChecks({}).then(
      (read) => live && setView(read),
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [client]);
  const save = useCallback(async (change: () => Promise<{ checks: ProjectChecks }>) => {
    try {
      const { checks } = await change();
      setView((old) => old && { ...old, checks, problem: null });
      setError(null);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
  }, []);
  return { view, error, save };
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
