import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusElement, tabbables } from './focus-targets';

interface Props {
  /** The heading, which names the dialog for assistive technology (and for tests finding it by role and name). */
  title: ReactNode;
  /** Closes the dialog on Escape (and a click on the backdrop, with closeOnBackdrop). Without it, only an action can. */
  onClose?: () => void;
  /** Work is running: Escape waits rather than leave it half done. */
  busy?: boolean;
  closeOnBackdrop?: boolean;
  wide?: boolean;
  className?: string;
  /** Makes the body and the actions one form, submitted by Enter or a submit button among the actions. */
  onSubmit?: () => void;
  /** The words of a button at the foot, before the actions, that closes the dialog (with onClose): "Cancel". */
  cancel?: string;
  /** The buttons at the foot, after any cancel button: the main action last. */
  actions?: ReactNode;
  children?: ReactNode;
}

// The open dialogs' layers, innermost last: Escape closes only the one on top, and only that one is not inert.
const open: HTMLElement[] = [];

/**
 * Everything but the top dialog is inert: the app behind (#root) and any dialog under it. Inert, the page can take
 * neither focus, nor clicks, nor typing, and assistive technology does not read it: what aria-modal only promises.
 */
function holdTheRest(): void {
  const root = document.getElementById('root');
  if (root) root.inert = open.length > 0;
  open.forEach((layer, i) => {
    layer.inert = i < open.length - 1;
  });
}

/** Where dialogs are drawn: beside the app's root, not in it, so that the root can be made inert as a whole. */
function dialogHost(): HTMLElement {
  let host = document.getElementById('dialogs');
  if (!host) {
    host = document.createElement('div');
    host.id = 'dialogs';
    document.body.append(host);
  }
  return host;
}

/**
 * The one modal dialog: a backdrop, role="dialog" with aria-modal, named by its title, drawn beside the app with the
 * app made inert behind it; focus moves into it when it opens (to a field marked autoFocus, or to the dialog itself),
 * Tab and Shift+Tab go round inside it, and the focus goes back where it was when it closes; Escape closes it.
 */
export function Dialog({ title, onClose, busy = false, closeOnBackdrop = false, wide = false, className, onSubmit, cancel, actions, children }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  // Read while rendering, before any autoFocus field inside takes the focus.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  // Layout effects: on close, the dialog is still in the page, so it can tell whether it held the focus.
  useLayoutEffect(() => {
    const me = layer.current;
    const element = box.current;
    if (!me) return;
    open.push(me);
    holdTheRest();
    if (element && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
    return () => {
      open.splice(open.indexOf(me), 1);
      holdTheRest();
      const now = document.activeElement;
      const heldFocus = now === null || now === document.body || (element?.contains(now) ?? false);
      // The editor's text takes its focus back through Slate, which knows where the cursor was (focus-targets.ts); a
      // plain focus() on it would put the cursor at the top.
      if (heldFocus && before?.isConnected) focusElement(before);
    };
  }, [before]);

  useEffect(() => {
    if (!onClose) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || busy || open.at(-1) !== layer.current) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  const foot =
    actions || (cancel && onClose) ? (
      <div className="dialog-actions">
        {cancel && onClose ? (
          <button type="button" onClick={onClose}>
            {cancel}
          </button>
        ) : null}
        {actions}
      </div>
    ) : null;
  // Tab goes round inside the dialog: past the last control to the first, and back.
  const keepTabInside = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey || !box.current) return;
    const inside = tabbables(box.current);
    const first = inside[0];
    const last = inside.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const at = document.activeElement;
    if (event.shiftKey && (at === first || at === box.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return createPortal(
    <div ref={layer} className="dialog-backdrop" onMouseDown={closeOnBackdrop && onClose ? onClose : undefined}>
      <div
        ref={box}
        className={['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={keepTabInside}
        onMouseDown={closeOnBackdrop ? (event) => event.stopPropagation() : undefined}
      >
        <h2 id={titleId}>{title}</h2>
        {onSubmit ? (
          <form onSubmit={submit}>
            {children}
            {foot}
          </form>
        ) : (
          <>
            {children}
            {foot}
          </>
        )}
      </div>
    </div>,
    dialogHost(),
  );
}
