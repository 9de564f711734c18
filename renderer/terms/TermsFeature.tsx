/**
 * Defined terms in the window: a "Terms" tab listing them (where defined, how often used, each use a jump), and the
 * definition shown while the pointer rests on a use in the page. Nothing of it runs per key: see TermIndex.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { ReactEditor } from 'slate-react';
import type { FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { attachTermHover } from './term-hover';
import { TermIndex } from './term-index';
import { TermsPanel } from './TermsPanel';

export function TermsFeature({ host, children }: { host: FeatureHost; children: (slots: FeatureSlots) => ReactNode }) {
  const index = useMemo(() => new TermIndex(host), [host]);
  useEffect(() => {
    const stop = index.start();
    let root: HTMLElement | null = null;
    try {
      root = ReactEditor.toDOMNode(host.editor, host.editor);
    } catch {
      // Not in the page (a test without one): no hover.
    }
    const detach = root ? attachTermHover(root, index) : () => undefined;
    return () => {
      detach();
      stop();
    };
  }, [host, index]);
  const slots = useMemo<FeatureSlots>(() => ({ tabs: [{ id: 'terms', name: 'Terms', panel: <TermsPanel host={host} index={index} /> }], overlay: null, adornments: null }), [host, index]);
  return children(slots);
}
