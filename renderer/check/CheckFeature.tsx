/**
 * The policy checker in the window: a "Check" tab beside the Document panel, listing what shared/check finds, each
 * finding a button that shows its section and can be dismissed with a reason (saved in the project's checks.json),
 * and the required disclosures of the laws picked for the document. It runs off the typing path: only while the tab
 * is open, a second after the last change, when the browser is idle.
 */
import { useMemo, type ReactNode } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { CheckPanel } from './CheckPanel';

interface Props {
  host: FeatureHost;
  client: ProjectClient;
  documentId: string;
  children: (slots: FeatureSlots) => ReactNode;
}

export function CheckFeature({ host, client, documentId, children }: Props) {
  const slots = useMemo<FeatureSlots>(
    () => ({ tabs: [{ id: 'check', name: 'Check', panel: <CheckPanel host={host} client={client} documentId={documentId} /> }], overlay: null, adornments: null }),
    [host, client, documentId],
  );
  return children(slots);
}
