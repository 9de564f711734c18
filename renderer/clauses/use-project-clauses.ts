import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api/client';
import type { ClauseLibrary } from '../../shared/clauses/library';
import type { VariableValues } from '../../shared/clauses/variables';
import type { ClauseTools } from './use-clause-ui';

const SAVE_DELAY_MS = 600;

/**
 * The open project's clause library and variables, loaded once per project and shared by every document. Variable
 * edits show at once and are saved after a pause; flush() saves what is pending (before an export).
 */
export function useProjectClauses(client: ApiClient, projectPath: string | null, onError: (message: string) => void) {
  const [library, setLibrary] = useState<ClauseLibrary | null>(null);
  const [variables, setVariablesState] = useState<VariableValues>({});
  const pending = useRef<VariableValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    setLibrary(null);
    if (!projectPath) return;
    let live = true;
    const fail = (e: unknown) => onError(e instanceof Error ? e.message : String(e));
    client.listClauses({}).then((lib) => live && setLibrary(lib), fail);
    client.getVariables({}).then((v) => live && setVariablesState(v.variables), fail);
    return () => {
      live = false;
    };
  }, [client, projectPath, onError]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const values = pending.current;
    if (!values) return;
    pending.current = null;
    try {
      await client.saveVariables({ variables: values });
    } catch (e) {
      onError(`The variables could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [client, onError]);

  const setVariables = useCallback(
    (values: VariableValues) => {
      setVariablesState(values);
      pending.current = values;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const tools: Omit<ClauseTools, 'openDocument'> = useMemo(() => ({ client, library, variables, setLibrary, setVariables }), [client, library, variables, setVariables]);
  return { tools, flush };
}
