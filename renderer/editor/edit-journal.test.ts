import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectClient } from '../../shared/api/client';
import { browserJournal } from './browser-journal';
import { EditJournal } from './edit-journal';

/** A client that records the journal entries written to the app. */
function fakeClient() {
  const written: string[] = [];
  const client = {
    projectPath: '/p',
    writeJournal: vi.fn(async ({ entry }: { entry: { text: string } }) => {
      written.push(entry.text);
    }),
    clearJournal: vi.fn(async () => undefined),
  } as unknown as ProjectClient;
  return { client, written };
}

describe('EditJournal', () => {
  let clock = 0;
  beforeEach(() => {
    clock = 0;
    vi.useFakeTimers();
    // No idle callbacks in Node: the journal then takes its entry in a task of its own (window.setTimeout).
    vi.stubGlobal('window', globalThis);
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** A journal whose every entry costs `costMs` of main-thread time to take. */
  function journalCosting(costMs: () => number) {
    const { client, written } = fakeClient();
    let n = 0;
    const journal = new EditJournal(client, 'doc', 'w1', () => {
      clock += costMs();
      return { text: `edit ${++n}`, base: null };
    });
    return { journal, written };
  }

  it('takes an entry a second after a change when entries are cheap', async () => {
    const { journal, written } = journalCosting(() => 5);
    journal.changed();
    await vi.advanceTimersByTimeAsync(999);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(written).toEqual(['edit 1']);
    expect(journal.nextSpacing).toBe(1000);
  });

  it('spaces entries by twenty times what the last one cost, within eight seconds', async () => {
    let cost = 200;
    const { journal, written } = journalCosting(() => cost);
    journal.changed();
    await vi.advanceTimersByTimeAsync(1010);
    expect(written).toEqual(['edit 1']);
    // 200 ms to take: the next entry waits 4 s after the next change, not 1 s.
    expect(journal.nextSpacing).toBe(4000);
    journal.changed();
    await vi.advanceTimersByTimeAsync(3990);
    expect(written).toEqual(['edit 1']);
    await vi.advanceTimersByTimeAsync(20);
    expect(written).toEqual(['edit 1', 'edit 2']);

    cost = 2000;
    await journal.keepNow();
    expect(journal.nextSpacing).toBe(8000);
    cost = 10;
    await journal.keepNow();
    expect(journal.nextSpacing).toBe(1000);
  });

  it('counts what sealing the last entry for the tab cost this thread in the wait before the next', async () => {
    vi.spyOn(browserJournal, 'put').mockResolvedValue(300);
    const { journal } = journalCosting(() => 5);
    await journal.keepNow();
    // The first entry's sealing was not known when it was taken.
    expect(journal.nextSpacing).toBe(1000);
    await journal.keepNow();
    // 5 ms to take and 300 ms to seal: twenty times 305 ms.
    expect(journal.nextSpacing).toBe(6100);
  });
});
