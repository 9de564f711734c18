import type { SyncResult, SyncState } from '../../shared/api/contract';

/** The words on the sync button for a state; `edited`: saved edits the last sync has not seen (not counted by git yet). */
export function syncLabel(status: SyncState, edited: boolean): string {
  switch (status.state) {
    case 'not-shared':
      return 'Not shared';
    case 'up-to-date':
      return edited ? 'Edits to send' : 'Up to date';
    case 'changes': {
      const parts = [];
      if (status.toSend > 0 || edited) parts.push(status.toSend > 0 ? `${status.toSend} to send` : 'Edits to send');
      if (status.toReceive > 0) parts.push(`${status.toReceive} to receive`);
      return parts.join(', ');
    }
    case 'offline':
      return 'Offline';
    case 'needs-attention':
      return 'Needs attention';
  }
}

/** One sentence saying what a sync did, for the live region. */
export function syncReport(result: SyncResult): string {
  switch (result.status) {
    case 'up-to-date':
      return 'Synced: nothing new on either side.';
    case 'synced': {
      const merged = result.merged ? ', merged by section' : '';
      return `Synced: sent ${result.sent} change(s), received ${result.received}${merged}.`;
    }
    case 'needs-attention':
      return `${result.files.length} file(s) were changed at the same place by you and a colleague: choose which to keep.`;
  }
}
