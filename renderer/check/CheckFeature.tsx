/**
 * The policy checker in the window: a "Check" tab beside the Document panel, listing what shared/check finds, each
 * finding a button that shows its section. It runs off the typing path: only while the tab is open, a second after
 * the last change, when the browser is idle.
 */
import type { ReactNode } from 'react';
import type { EditorFeature, FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { CheckPanel } from './CheckPanel';

export function CheckFeature({ host, children }: { host: FeatureHost; children: (slots: FeatureSlots) => ReactNode }) {
  return children({ tabs: [{ id: 'check', name: 'Check', panel: <CheckPanel host={host} /> }], overlay: null, adornments: null });
}

export const checkFeature: EditorFeature = (host, render) => <CheckFeature host={host}>{render}</CheckFeature>;
