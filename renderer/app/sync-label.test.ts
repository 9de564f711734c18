import { describe, expect, it } from 'vitest';
import { syncLabel, syncReport } from './sync-label';

describe('the sync button words', () => {
  it('names each state', () => {
    expect(syncLabel({ state: 'not-shared' }, false)).toBe('Not shared');
    expect(syncLabel({ state: 'up-to-date' }, false)).toBe('Up to date');
    expect(syncLabel({ state: 'up-to-date' }, true)).toBe('Edits to send');
    expect(syncLabel({ state: 'changes', toSend: 2, toReceive: 0 }, false)).toBe('2 to send');
    expect(syncLabel({ state: 'changes', toSend: 0, toReceive: 3 }, false)).toBe('3 to receive');
    expect(syncLabel({ state: 'changes', toSend: 0, toReceive: 3 }, true)).toBe('Edits to send, 3 to receive');
    expect(syncLabel({ state: 'offline', message: 'm' }, false)).toBe('Offline');
    expect(syncLabel({ state: 'needs-attention', message: 'm' }, false)).toBe('Needs attention');
  });

  it('reports what a sync did in one sentence', () => {
    expect(syncReport({ status: 'synced', sent: 1, received: 2, merged: true })).toBe('Synced: sent 1 change(s), received 2, merged by section.');
    expect(syncReport({ status: 'needs-attention', files: ['a', 'b'] })).toMatch(/^2 file\(s\) were changed at the same place/);
  });
});
