import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  /** The key that does the same on the document in the list, shown beside the item. */
  shortcut?: string;
  disabled?: boolean;
  run: () => void;
}

interface Props {
  label: string;
  items: MenuItem[];
  /** Closes the menu; `refocus` puts the focus back on the button that opened it (Escape, or an item chosen). */
  onClose: (refocus: boolean) => void;
}

/**
 * A document's actions as a menu: the focus goes to its first item, Up and Down (Home, End) move between items,
 * Enter runs one, Escape closes it and gives the focus back, Tab or a click elsewhere closes it.
 */
export function DocumentMenu({ label, items, onClose }: Props) {
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: MouseEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (index: number) => buttons[(index + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(buttons.length - 1);
    else if (event.key === 'Escape') onClose(true);
    else if (event.key === 'Tab') {
      onClose(false);
      return;
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <ul className="document-menu" role="menu" aria-label={label} ref={menu} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            onClick={() => {
              onClose(true);
              item.run();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut ? <kbd className="muted">{item.shortcut}</kbd> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
