import { useId, useRef, useState, type ButtonHTMLAttributes, type ReactNode, type RefObject } from 'react';
import { useCloseOnClickAway } from './use-close-on-click-away';

interface Props<S> {
  /** The button's text; "▾" follows it. */
  label: string;
  /** The list's accessible name. */
  listLabel: string;
  className: string;
  buttonClassName?: string;
  listClassName: string;
  /** What the list offers is read as it opens (where the cursor is, who suggested), never per key. */
  read: () => S;
  /** The items; `close` shuts the list. Nothing to offer (null) shows no list. */
  children: (state: S, close: () => void) => ReactNode;
  /** The button, for a caller that measures it. */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}

/**
 * A toolbar's drop-down: a button that opens a list under it, shut again by its button, a click anywhere else, the
 * focus leaving it, an item or Escape (the focus back on the button). Neither opening it nor choosing from it takes the
 * editor's selection: each button keeps the focus where it was on a mouse press.
 */
export function DropMenu<S>({ label, listLabel, className, buttonClassName = 'tool', listClassName, read, children, buttonRef }: Props<S>) {
  const listId = useId();
  const [state, setState] = useState<{ value: S } | null>(null);
  const ownButton = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownButton;
  const close = () => setState(null);
  useCloseOnClickAway(state !== null, button, close);
  const items = state ? children(state.value, close) : null;
  const shown = items !== null && items !== undefined && items !== false && !(Array.isArray(items) && items.length === 0);
  return (
    // Shut as the focus leaves it, as a menu does: Tab or Shift+Tab out of the list, or a tool on the row pressed from
    // the keyboard. A press with the mouse moves no focus (each button keeps it where it was): the click away shuts it.
    <div
      className={className}
      onBlur={(event) => {
        if (state && !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) close();
      }}
    >
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (state ? close() : setState({ value: read() }))}
      >
        {label} ▾
      </button>
      {shown ? (
        <div
          id={listId}
          className={listClassName}
          role="group"
          aria-label={listLabel}
          // A press anywhere in the list, on an item or a rule between them, leaves the focus where it was.
          onMouseDown={(event) => event.preventDefault()}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
            button.current?.focus();
          }}
        >
          {items}
        </div>
      ) : null}
    </div>
  );
}

/** An item of a drop-down's list: it shuts the list, then acts (the list keeps the focus where it was on a press). */
export function DropMenuItem({ close, onChoose, children, ...rest }: { close: () => void; onChoose: () => void; children: ReactNode } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'onMouseDown' | 'type'>) {
  return (
    <button
      type="button"
      {...rest}
      onClick={() => {
        close();
        onChoose();
      }}
    >
      {children}
    </button>
  );
}
