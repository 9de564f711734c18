import type { RecoveredEdits } from '../../shared/api/contract';
import { shortDateTime } from '../../shared/model/dates';

interface Props {
  title: string;
  recovered: RecoveredEdits;
  busy: boolean;
  onRestore: () => void;
  onCompare: () => void;
  onDiscard: () => void;
}

/** Edits that were never saved, found after Policywright stopped: offered back, never put into the document unasked. */
export function RecoveryBanner({ title, recovered, busy, onRestore, onCompare, onDiscard }: Props) {
  const when = shortDateTime(recovered.takenAt);
  const where = recovered.keptBy === 'browser' ? 'this browser' : 'Policywright';
  return (
    <div className="banner conflict" role="alert" data-testid="recovery">
      <p>
        Edits to {title} from {when} were never saved before Policywright stopped; {where} kept them.
      </p>
      <div className="conflict-actions">
        <button type="button" disabled={busy} onClick={onRestore}>
          Restore them
        </button>
        <button type="button" disabled={busy} onClick={onCompare}>
          Compare with the file
        </button>
        <button type="button" disabled={busy} onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}
