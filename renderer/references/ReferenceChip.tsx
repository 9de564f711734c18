import { createContext, useCallback, useContext, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import type { RenderElementProps } from 'slate-react';
import { MISSING_REFERENCE_TEXT, referenceText } from '../../shared/numbering/references';
import { SectionNumbersContext } from '../editor/section-numbers';
import type { ReferenceElement } from '../editor/types';

/** What a click on a reference does: the editor's jump to a section, as the outline's. */
export const ReferenceJumpContext = createContext<((id: string) => void) | null>(null);

export const MISSING_REFERENCE_TOOLTIP = 'The section this reference pointed to was deleted. Delete the reference, or insert one to another section (Ctrl+Shift+R).';

interface Props {
  attributes: RenderElementProps['attributes'];
  element: ReferenceElement;
  /** Suggestion classes, as text has them. */
  className: string;
  suggestion: string | undefined;
  children: ReactNode;
}

/**
 * A cross-reference in the page: its section's number as the numbers are now, read from the section-number store for
 * this one section, so it is drawn again only when that section's number or title changes, never per key. A
 * reference to a section that is gone is flagged and kept. Ctrl+click (Cmd on a Mac) goes to the section, as in
 * Word; a plain click places the caret beside it.
 */
export function ReferenceChip({ attributes, element, className, suggestion, children }: Props) {
  const store = useContext(SectionNumbersContext);
  const jump = useContext(ReferenceJumpContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(element.ref, listener) ?? (() => undefined), [store, element.ref]);
  const text = useSyncExternalStore(subscribe, () => (store ? referenceText(element, store.referenceTargets()) : MISSING_REFERENCE_TEXT));
  const missing = text === MISSING_REFERENCE_TEXT;
  const title = store?.referenceTargets().get(element.ref)?.title;
  const tooltip = missing ? MISSING_REFERENCE_TOOLTIP : `Cross-reference to ${text}${title && !element.refTitle ? ` (${title})` : ''}. Ctrl+click to go there.`;
  const follows = (event: MouseEvent) => (event.ctrlKey || event.metaKey) && !missing && jump !== null;
  // Ctrl+mousedown leaves the caret where it is (the browser would move it here), and the click is the editor's no
  // more: Slate would select the reference after the jump.
  const onMouseDown = (event: MouseEvent) => {
    if (follows(event)) event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    if (!follows(event)) return;
    event.preventDefault();
    event.stopPropagation();
    jump?.(element.ref);
  };
  let shown: ReactNode = text;
  if (element.bold) shown = <strong>{shown}</strong>;
  if (element.italic) shown = <em>{shown}</em>;
  if (element.underline) shown = <u>{shown}</u>;
  return (
    <span
      {...attributes}
      className={`reference${missing ? ' missing' : ''}${className}`}
      data-ref={element.ref}
      title={[tooltip, suggestion].filter(Boolean).join('\n')}
      onMouseDown={onMouseDown}
      onClick={onClick}
    >
      <span contentEditable={false} aria-invalid={missing || undefined}>
        {shown}
      </span>
      {children}
    </span>
  );
}
