import { useMemo, type ReactNode } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { ReviewPanel } from './ReviewPanel';

interface Props {
  host: FeatureHost;
  client: ProjectClient;
  documentId: string;
  userName: string;
  children: (slots: FeatureSlots) => ReactNode;
}

/**
 * The review workflow's part of the document editor: a Review tab beside the Document panel. It takes nothing per key:
 * the panel reads the workflow when it is opened and after each step.
 */
export function ReviewFeature({ host, client, documentId, userName, children }: Props) {
  const { say } = host;
  const slots = useMemo<FeatureSlots>(
    () => ({
      tabs: [{ id: 'review', name: 'Review', panel: <ReviewPanel client={client} documentId={documentId} userName={userName} say={say} /> }],
      overlay: null,
      adornments: null,
    }),
    [client, documentId, userName, say],
  );
  return <>{children(slots)}</>;
}
