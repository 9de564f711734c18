import { createContext, useContext } from 'react';
import type { ClauseSource } from '../../shared/model/document';
import type { LibraryClause } from '../../shared/clauses/library';
import type { Drift } from '../../shared/clauses/drift';
import { NO_VARIABLES, type VariableValues } from '../../shared/model/variables';

/**
 * What clause blocks and variable chips in the editor need to show themselves: the library (for titles and the
 * latest versions), drift worked out off the keystroke path, the project's variable values, and the actions of the
 * bar above a clause. Only clause bars and chips read it, so a change re-renders them and nothing else.
 */
export interface ClauseView {
  lookup(source: ClauseSource, id: string): LibraryClause | undefined;
  drift: ReadonlyMap<string, Drift>;
  variables: VariableValues;
  unlink(useId: string): void;
  showUpdate(useId: string): void;
}

export const ClauseViewContext = createContext<ClauseView>({
  lookup: () => undefined,
  drift: new Map(),
  variables: NO_VARIABLES,
  unlink: () => undefined,
  showUpdate: () => undefined,
});

export function useClauseView(): ClauseView {
  return useContext(ClauseViewContext);
}
