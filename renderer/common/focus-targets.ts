/**
 * Elements that know better than `focus()` how to take the focus back: the editor's text, whose cursor Slate keeps
 * (a plain focus() on a contenteditable puts the cursor at the top). A dialog closing, F6 and the skip link all ask
 * here first, so common code can hand the focus to the editor without knowing it.
 */
const focusers = new WeakMap<Element, () => void>();

/** Registers how `element` takes the focus; returns the undo, for an effect's cleanup. */
export function registerFocuser(element: Element, focus: () => void): () => void {
  focusers.set(element, focus);
  return () => {
    if (focusers.get(element) === focus) focusers.delete(element);
  };
}

/** Focuses `element` the way it asked to be focused, or plainly. */
export function focusElement(element: HTMLElement): void {
  const target = element.closest('[data-slate-editor]') ?? element;
  const own = focusers.get(target);
  if (own) own();
  else element.focus({ preventScroll: true });
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** What Tab reaches inside `container`, in order: enabled, shown, not inert. */
export function tabbables(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => !element.closest('[inert]') && !element.hidden && element.getClientRects().length > 0,
  );
}

/** How many frames `focusWhenShown` looks for its element (about a second) before it gives up. */
const SHOWN_WITHIN_FRAMES = 60;

/**
 * Focuses the element `selector` names once it is drawn, and again if it is drawn anew within that second. After an
 * awaited call React renders in a task of its own, which a slow machine may run after the next frame: the element
 * found then can be one React is about to replace (the document list is drawn again when another document opens), and
 * its focus would fall to the page with it. It stops as soon as the person has put the focus anywhere else.
 */
export function focusWhenShown(selector: string): void {
  let frames = 0;
  let focused: HTMLElement | null = null;
  // A focus() refused (the page inert behind a closing dialog, say) is tried again; one that took is left alone
  // unless its element goes.
  let took = false;
  const look = () => {
    const active = document.activeElement;
    if (focused && active !== focused && active !== null && active !== document.body) return;
    if (!took || !focused?.isConnected) {
      focused = document.querySelector<HTMLElement>(selector);
      focused?.focus();
      took = focused !== null && document.activeElement === focused;
    }
    if (++frames < SHOWN_WITHIN_FRAMES) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
