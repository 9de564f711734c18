import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';

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

// The open dialogs, innermost last: Escape closes only the one on top.
const open: object[] = [];

/**
 * The one modal dialog: a backdrop, role="dialog" with aria-modal, named by its title; focus moves into it when it
 * opens (to a field marked autoFocus, or to the dialog itself) and goes back where it was when it closes; Escape
 * closes it.
 */
export function Dialog({ title, onClose, busy = false, closeOnBackdrop = false, wide = false, className, onSubmit, cancel, actions, children }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const self = useRef({});
  // Read while rendering, before any autoFocus field inside takes the focus.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  // Layout effects: on close, the dialog is still in the page, so it can tell whether it held the focus.
  useLayoutEffect(() => {
    const me = self.current;
    const element = box.current;
    open.push(me);
    if (element && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
    return () => {
      open.splice(open.indexOf(me), 1);
      const now = document.activeElement;
      const heldFocus = now === null || now === document.body || (element?.contains(now) ?? false);
      // The editor's text takes its focus back through Slate, which knows where the cursor was; a plain focus() on it
      // would put the cursor at the top.
      if (heldFocus && before?.isConnected && !before.isContentEditable) before.focus({ preventScroll: true });
    };
  }, [before]);

  useEffect(() => {
    if (!onClose) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || busy || open.at(-1) !== self.current) return;
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };
  return (
    <div className="dialog-backdrop" onMouseDown={closeOnBackdrop && onClose ? onClose : undefined}>
      <div
        ref={box}
        className={['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
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
    </div>
  );
}
