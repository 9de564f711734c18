import { useCallback, useContext, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import type { RenderElementProps } from 'slate-react';
import type { NoteElement } from '../editor/types';
import { FootnotesContext } from './footnotes-context';

interface Props {
  attributes: RenderElementProps['attributes'];
  element: NoteElement;
  /** Suggestion classes, as text has them. */
  className: string;
  suggestion: string | undefined;
  children: ReactNode;
}

/**
 * A footnote's mark in the text: its number, raised, read from the footnote store for this one note, so it is drawn
 * again only when that number changes, never per key. A click opens the note's text at the foot of the page.
 */
export function NoteMark({ attributes, element, className, suggestion, children }: Props) {
  const footnotes = useContext(FootnotesContext);
  const store = footnotes?.store;
  const subscribe = useCallback((listener: () => void) => store?.subscribe(element.note, listener) ?? (() => undefined), [store, element.note]);
  const number = useSyncExternalStore(subscribe, () => store?.number(element.note));
  const onMouseDown = (event: MouseEvent) => {
    // The caret stays where it was: the click goes to the note, as a click on a footnote number in Word does.
    event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    footnotes?.open(element.note);
  };
  const words = `Footnote ${number ?? ''}`.trim();
  return (
    <span
      {...attributes}
      className={`note-mark${className}`}
      data-note={element.note}
      title={[`${words}. Click to edit its text.`, suggestion].filter(Boolean).join('\n')}
      onMouseDown={onMouseDown}
      onClick={onClick}
    >
      <sup contentEditable={false} aria-label={words}>
        {number ?? '?'}
      </sup>
      {children}
    </span>
  );
}
