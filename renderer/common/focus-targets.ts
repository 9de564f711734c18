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

/** How long `focusWhenShown` looks for its element, and keeps it focused while React draws it anew. */
const SHOWN_WITHIN_MS = 1000;

/**
 * Focuses the element `selector` names once it is drawn, and again if it is drawn anew within the second. After an
 * awaited call React renders in a task of its own, which a slow machine may run after the next frame: the element
 * found then can be one React is about to replace (the document list is drawn again when another document opens), and
 * its focus would fall to the page with it. It gives up as soon as the person has put the focus anywhere else.
 */
export function focusWhenShown(selector: string): void {
  const until = performance.now() + SHOWN_WITHIN_MS;
  // Where the focus was when asked, and where this put it: the focus anywhere else is the person's, and left there.
  const asked = document.activeElement;
  let ours: Element | null = null;
  const look = () => {
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== asked && active !== ours) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (element && element !== active) {
      element.focus();
      if (document.activeElement === element) ours = element;
    }
    if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
