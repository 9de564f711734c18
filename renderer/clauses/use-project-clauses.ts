import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { ClauseLibrary } from '../../shared/clauses/library';
import type { VariableValues } from '../../shared/model/variables';
import type { ClauseTools } from './ClauseFeature';

const SAVE_DELAY_MS = 600;

/**
 * The open project's clause library and variables, loaded once per project and shared by every document. Variable
 * edits show at once and are saved after a pause; flush() saves what is pending (before an export).
 */
export function useProjectClauses(client: ProjectClient | null, onError: (message: string) => void) {
  const [library, setLibrary] = useState<ClauseLibrary | null>(null);
  const [variables, setVariablesState] = useState<VariableValues>({});
  // Pending values remember their project: a save that runs after the window moved on still reaches the right one.
  const pending = useRef<{ client: ProjectClient; values: VariableValues } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    setLibrary(null);
    setVariablesState({});
    if (!client) return;
    let live = true;
    const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
    client.listClauses({}).then((lib) => live && setLibrary(lib), fail);
    client.getVariables({}).then((v) => live && setVariablesState(v.variables), fail);
    return () => {
      live = false;
    };
  }, [client, onError]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const save = pending.current;
    if (!save) return;
    pending.current = null;
    try {
      await save.client.saveVariables({ variables: save.values });
    } catch (e) {
      onError(`The variables could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [onError]);

  const setVariables = useCallback(
    (values: VariableValues) => {
      setVariablesState(values);
      if (client) pending.current = { client, values };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [client, flush],
  );

  const tools: Omit<ClauseTools, 'openDocument' | 'client'> = useMemo(() => ({ library, variables, setLibrary, setVariables }), [library, variables, setVariables]);
  return { tools, flush };
}
