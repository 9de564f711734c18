import { useMemo } from 'react';
import type { Command } from '../../shared/api/commands';
import { allSuggestions, goToChange, settle, suggestionAuthors, suggestionsAtSelection, suggestionsBy, suggestionsInSection } from './review-commands';
import type { PolicyEditor } from './types';

export type ReviewScope = { all: true } | { author: string } | { section: true };

/** What the toolbar's "Review changes" menu and the review keys do: one object per editor, stable across renders. */
export interface ReviewActions {
  /** Runs a review command of the command table; false for any other command. */
  run(command: Command): boolean;
  settle(decision: 'accept' | 'reject', scope: ReviewScope): void;
  /** The people with open suggestions (read when the menu opens, never per key). */
  authors(): string[];
  count(): number;
}

const plural = (n: number) => `${n} suggestion${n === 1 ? '' : 's'}`;

export function useReviewActions(editor: PolicyEditor, say: (message: string) => void, drawAll: () => void): ReviewActions {
  return useMemo(() => {
    const settleIds = (ids: ReadonlySet<string>, decision: 'accept' | 'reject', none: string) => {
      const count = settle(editor, ids, decision);
      say(count === 0 ? none : `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${plural(count)}.`);
    };
    const actions: ReviewActions = {
      run(command) {
        switch (command) {
          case 'nextChange':
          case 'previousChange':
            // The change may be in a part of the document not drawn yet: draw it all, so the caret can be shown there.
            drawAll();
            if (!goToChange(editor, command === 'nextChange' ? 'next' : 'previous')) say('There are no suggestions in this document.');
            return true;
          case 'acceptChange':
          case 'rejectChange':
            settleIds(suggestionsAtSelection(editor), command === 'acceptChange' ? 'accept' : 'reject', 'There is no suggestion at the cursor.');
            return true;
          case 'acceptAllChanges':
          case 'rejectAllChanges':
            actions.settle(command === 'acceptAllChanges' ? 'accept' : 'reject', { all: true });
            return true;
          default:
            return false;
        }
      },
      settle(decision, scope) {
        if ('section' in scope) settleIds(suggestionsInSection(editor), decision, 'There are no suggestions in this section.');
        else settleIds(suggestionsBy(editor, 'author' in scope ? scope.author : undefined), decision, 'There are no suggestions to settle.');
      },
      authors: () => suggestionAuthors(editor),
      count: () => allSuggestions(editor).size,
    };
    return actions;
  }, [editor, say, drawAll]);
}
