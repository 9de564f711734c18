import type { Editor } from 'slate';
import type { SuggestionMark } from '../../shared/model/document';
import { newSuggestionId } from '../../shared/model/ids';

/**
 * Whether an editor records edits as suggestions (tracked changes), and in whose name. The mode belongs to one editor
 * window, so it is kept per editor; every edit path asks `suggestionMark` once, and an editor not suggesting pays one
 * lookup for it.
 */
interface SuggestingState {
  on: boolean;
  /** The person's name, asked each time a suggestion is made (the app may learn it late). */
  reviewer: () => string;
  /** The time now as the model writes it; tests fix it. */
  now: () => string;
}

const states = new WeakMap<Editor, SuggestingState>();

/** Used when the app does not know the person's name yet: a suggestion always has an author. */
export const UNKNOWN_REVIEWER = 'Reviewer';

export function utcMoment(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function setSuggesting(editor: Editor, on: boolean, reviewer?: () => string, now?: () => string): void {
  const state = states.get(editor);
  states.set(editor, { on, reviewer: reviewer ?? state?.reviewer ?? (() => UNKNOWN_REVIEWER), now: now ?? state?.now ?? (() => utcMoment()) });
}

export function isSuggesting(editor: Editor): boolean {
  return states.get(editor)?.on === true;
}

/** Who suggests in this editor (also when the mode is off: accepting "mine" needs it). */
export function reviewerOf(editor: Editor): string {
  return states.get(editor)?.reviewer().trim() || UNKNOWN_REVIEWER;
}

/** A new suggestion in the reviewer's name, or null when the editor is not suggesting: the one test of the mode. */
export function suggestionMark(editor: Editor): SuggestionMark | null {
  const state = states.get(editor);
  if (!state?.on) return null;
  return { id: newSuggestionId(), by: state.reviewer().trim() || UNKNOWN_REVIEWER, at: state.now() };
}

/** Whether a suggestion is the reviewer's own: their own insertions are really removed when deleted, and so on. */
export function isOwn(editor: Editor, mark: { by: string } | undefined): boolean {
  return mark !== undefined && mark.by === reviewerOf(editor);
}
