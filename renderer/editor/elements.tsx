import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { RenderChunkProps, RenderElementProps, RenderLeafProps } from 'slate-react';
import type { SectionNumberStore } from './section-numbers';

export const SectionNumbersContext = createContext<SectionNumberStore | null>(null);

function useSectionLabel(id: string) {
  const store = useContext(SectionNumbersContext);
  if (!store) throw new Error('SectionNumbersContext is missing');
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.label(id));
}

function Heading({ attributes, children, id }: { attributes: RenderElementProps['attributes']; children: React.ReactNode; id: string }) {
  const label = useSectionLabel(id);
  const depth = label?.depth ?? 1;
  return (
    <div
      {...attributes}
      role="heading"
      aria-level={Math.min(depth + 1, 9)}
      className={`section-heading depth-${Math.min(depth, 6)}`}
      data-section-id={id}
    >
      <span contentEditable={false} className="section-number" data-testid="section-number">
        {label?.label ?? ''}
      </span>
      <span className="section-title">{children}</span>
    </div>
  );
}

export function renderElement({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'heading':
      return <Heading attributes={attributes} id={element.id}>{children}</Heading>;
    case 'list-item':
      return (
        <div {...attributes} className={`list-item ${element.list} indent-${element.indent}`}>
          {children}
        </div>
      );
    case 'link':
      return (
        <a {...attributes} href={element.href} title={element.href} rel="noreferrer noopener" target="_blank">
          {children}
        </a>
      );
    default:
      return <p {...attributes}>{children}</p>;
  }
}

export function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  return <span {...attributes}>{out}</span>;
}

/** Lowest chunks skip layout and paint while off screen: what keeps a 100,000-word policy at one frame a key. */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'chunk lowest' : 'chunk'}>
      {children}
    </div>
  );
}
