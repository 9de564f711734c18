import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectClient } from '../../shared/api/client';
import { browserJournal } from './browser-journal';
import { EditJournal } from './edit-journal';
import { applyTextPatch, piecesPatch } from '../../shared/format/text-patch';
import type { StoredEdition } from './stored-text';

type Written = { text: string } | { after: string; at: number; remove: number; insert: string };

/**
 * A client that keeps the journal as the app does (whole entries, or patches of the one it answered a tag for last)
 * and records every entry as the whole text it kept. `app.up = false`: the app cannot be reached; `app.restart()`:
 * it forgets the entry it held, as a host started again does.
 */
function fakeClient() {
  const written: string[] = [];
  const sent: Array<'whole' | 'patch'> = [];
  const app = {
    up: true,
    held: null as { tag: string; text: string } | null,
    /** The document's file as the app reads it. */
    file: null as { stamp: string; text: string } | null,
    restart: () => (app.held = null),
  };
  let tags = 0;
  const client = {
    projectPath: '/p',
    writeJournal: vi.fn(async ({ entry }: { entry: Written }) => {
      if (!app.up) throw new Error('Policywright is not running');
      sent.push('text' in entry ? 'whole' : 'patch');
      const before = 'text' in entry ? null : app.held?.tag === entry.after ? app.held.text : app.file?.stamp === entry.after ? app.file.text : null;
      const text = 'text' in entry ? entry.text : before === null ? null : applyTextPatch(before, entry);
      if (text === null) return { kept: false, tag: null };
      app.held = { tag: `${++tags}`.padStart(32, '0'), text };
      written.push(text);
      return { kept: true, tag: app.held.tag };
    }),
    clearJournal: vi.fn(async () => undefined),
  } as unknown as ProjectClient;
  return { client, written, sent, app };
}

/** An edition whose text is its pieces joined (StoredText's editions are tested in stored-text.test.ts). */
function editionOf(parts: readonly string[]): StoredEdition & { parts: readonly string[] } {
  return {
    parts,
    text: () => parts.join(''),
    pieces: () => parts,
    patchFrom: (earlier) => piecesPatch((earlier as unknown as { parts: readonly string[] }).parts, parts),
    writeOut: () => ({ done: Promise.resolve(), now: () => {} }),
  };
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
      return { edition: editionOf([`edit ${++n}`]), base: null };
    });
    return { journal, written };
  }

  /** A journal of a document of many lines, some of which `edit` changes between entries. */
  function journalOfLines() {
    const fake = fakeClient();
    const lines = Array.from({ length: 200 }, (_, i) => `{"line":${i}}`);
    const pieces = () => lines.flatMap((line, i) => (i === 0 ? ['{\n', line] : [',\n', line])).concat('\n}\n');
    const journal = new EditJournal(fake.client, 'doc', 'w1', () => ({ edition: editionOf(pieces()), base: null }));
    return { ...fake, journal, lines, text: () => pieces().join('') };
  }

  it('sends the whole text first, then only what changed; the app holds the whole text every time', async () => {
    const { journal, lines, text, written, sent, client } = journalOfLines();
    await journal.keepNow();
    lines[100] = '{"line":100,"edited":true}';
    await journal.keepNow();
    lines.splice(150, 0, '{"line":"new"}');
    lines[148] = '{"line":148,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['whole', 'patch', 'patch']);
    expect(written.at(-1)).toBe(text());
    expect(written).toHaveLength(3);
    // The last patch carried the lines from the first change to the last (148 to 150), not the document.
    const last = vi.mocked(client.writeJournal).mock.calls.at(-1)?.[0].entry as { insert: string };
    expect(last.insert).toBe(lines.slice(148, 151).join(',\n'));
  });

  it('makes even the first entry a patch, of the file the document was read from, once that is known to be the same', async () => {
    const { journal, lines, text, written, sent, app } = journalOfLines();
    app.file = { stamp: 'sha256-read', text: text() };
    journal.startFrom(editionOf([text()]), 'sha256-read');
    lines[7] = '{"line":7,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['patch']);
    expect(written).toEqual([text()]);
    // Once the app keeps an entry, that is what the next patch changes, however the file fares.
    app.file = null;
    lines[8] = '{"line":8,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['patch', 'patch']);
    expect(written.at(-1)).toBe(text());
  });

  it('waits for a check of the file under way before its first entry, two seconds at most', async () => {
    const { journal, lines, text, sent, app } = journalOfLines();
    app.file = { stamp: 'sha256-read', text: text() };
    let checked = () => {};
    journal.checkingFile(new Promise<void>((resolve) => (checked = resolve)));
    lines[7] = '{"line":7,"edited":true}';
    journal.changed();
    await vi.advanceTimersByTimeAsync(1500);
    expect(sent).toEqual([]);
    journal.startFrom(editionOf([app.file.text]), 'sha256-read');
    checked();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(['patch']);

    // A check that never ends holds the entries back until two seconds after it began, no more.
    const other = journalOfLines();
    other.journal.checkingFile(new Promise(() => {}));
    other.journal.changed();
    await vi.advanceTimersByTimeAsync(1990);
    expect(other.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(other.sent).toEqual(['whole']);

    // The entry of a window moving away does not wait.
    const leaving = journalOfLines();
    leaving.journal.checkingFile(new Promise(() => {}));
    await leaving.journal.keepNow(true);
    expect(leaving.sent).toEqual(['whole']);
  });

  it('keeps the entry in the tab when the app does not answer within two seconds, and goes on without waiting for it', async () => {
    const put = vi.spyOn(browserJournal, 'put').mockResolvedValue(0);
    const { journal, lines, text, client } = journalOfLines();
    await journal.keepNow();
    // A host that hangs: requests are never answered.
    vi.mocked(client.writeJournal).mockImplementation(() => new Promise(() => {}));
    lines[4] = '{"line":4,"edited":true}';
    let kept = false;
    void journal.keepNow().then(() => (kept = true));
    await vi.advanceTimersByTimeAsync(1990);
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(kept).toBe(true);
    expect(put.mock.calls[0]?.[1].text).toBe(text());
    lines[5] = '{"line":5,"edited":true}';
    const next = journal.keepNow();
    await vi.advanceTimersByTimeAsync(2010);
    await next;
    expect(put).toHaveBeenCalledTimes(2);
    expect(put.mock.calls[1]?.[1].text).toBe(text());
  });

  it('lets go of what the tab kept during an outage once the app keeps an entry again', async () => {
    vi.spyOn(browserJournal, 'put').mockResolvedValue(0);
    const deleted = vi.spyOn(browserJournal, 'delete').mockResolvedValue(undefined);
    const { journal, lines, app } = journalOfLines();
    await journal.keepNow();
    app.up = false;
    lines[1] = '{"line":1,"edited":true}';
    await journal.keepNow();
    expect(deleted).not.toHaveBeenCalled();
    app.up = true;
    lines[2] = '{"line":2,"edited":true}';
    await journal.keepNow();
    expect(deleted).toHaveBeenCalledTimes(1);
    lines[3] = '{"line":3,"edited":true}';
    await journal.keepNow();
    expect(deleted).toHaveBeenCalledTimes(1);
  });

  it('takes the entry of a window moving away at once, the entry waiting for the check before it too', async () => {
    const { journal, lines, sent } = journalOfLines();
    journal.checkingFile(new Promise(() => {}));
    lines[1] = '{"line":1,"edited":true}';
    const waiting = journal.keepNow();
    const leaving = journal.keepNow(true);
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all([waiting, leaving]);
    expect(sent).toEqual(['whole', 'patch']);
  });

  it('writes an entry once its lines are written out in idle moments, and at once when the window moves away', async () => {
    const { client, sent, written } = fakeClient();
    let hurried = 0;
    const pending: Array<() => void> = [];
    const journal = new EditJournal(client, 'doc', 'w1', () => ({
      edition: {
        ...editionOf([`text ${sent.length}`]),
        writeOut: () => {
          let finish = () => {};
          const done = new Promise<void>((resolve) => (finish = resolve));
          pending.push(finish);
          return { done, now: () => (hurried++, finish()) };
        },
      },
      base: null,
    }));
    const first = journal.keepNow();
    await vi.advanceTimersByTimeAsync(0);
    // Not written while its lines are still being written out.
    expect(sent).toEqual([]);
    pending.shift()?.();
    await first;
    expect(sent).toEqual(['whole']);
    // The next entry waits in turn; a window moving away does not wait for it.
    const second = journal.keepNow();
    await vi.advanceTimersByTimeAsync(0);
    const leaving = journal.keepNow(true);
    await Promise.all([second, leaving]);
    expect(hurried).toBe(1);
    expect(written).toHaveLength(3);
  });

  it('takes an earlier entry at once too when a window moving away asks before that entry began writing out', async () => {
    const { client, sent, written } = fakeClient();
    let writingOut = 0;
    const journal = new EditJournal(client, 'doc', 'w1', () => ({
      edition: {
        ...editionOf([`text ${sent.length}`]),
        // Never done by itself: only an entry that skips the writing out gets through.
        writeOut: () => (writingOut++, { done: new Promise<void>(() => {}), now: () => {} }),
      },
      base: null,
    }));
    journal.checkingFile(new Promise(() => {}));
    const waiting = journal.keepNow();
    const leaving = journal.keepNow(true);
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all([waiting, leaving]);
    expect(writingOut).toBe(0);
    expect(written).toHaveLength(2);
  });

  it('sends the whole text when the file changed before the first entry', async () => {
    const { journal, lines, text, written, sent, app } = journalOfLines();
    app.file = { stamp: 'sha256-someone-else', text: 'their text' };
    journal.startFrom(editionOf([text()]), 'sha256-read');
    lines[7] = '{"line":7,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['patch', 'whole']);
    expect(written).toEqual([text()]);
  });

  it('sends the whole text again when the app no longer holds the entry a patch was made for', async () => {
    const { journal, lines, text, written, sent, app } = journalOfLines();
    await journal.keepNow();
    app.restart();
    lines[10] = '{"line":10,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['whole', 'patch', 'whole']);
    expect(written.at(-1)).toBe(text());
  });

  it('keeps the whole text in the tab’s journal only when the app cannot be reached; once it can, the app has the whole text again', async () => {
    const put = vi.spyOn(browserJournal, 'put').mockResolvedValue(0);
    const { journal, lines, text, sent, app, written } = journalOfLines();
    await journal.keepNow();
    lines[1] = '{"line":1,"edited":true}';
    await journal.keepNow();
    expect(put).not.toHaveBeenCalled();
    app.up = false;
    lines[2] = '{"line":2,"edited":true}';
    await journal.keepNow();
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]?.[1].text).toBe(text());
    // Back (a host started again): the app's copy is older than the tab's, so the text goes whole.
    app.up = true;
    app.restart();
    lines[3] = '{"line":3,"edited":true}';
    await journal.keepNow();
    expect(sent).toEqual(['whole', 'patch', 'whole']);
    expect(written.at(-1)).toBe(text());
    expect(put).toHaveBeenCalledTimes(1);
  });

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

  it('counts what sealing an entry for the tab cost this thread in the wait before the next', async () => {
    vi.spyOn(browserJournal, 'put').mockResolvedValue(300);
    const { client } = fakeClient();
    vi.mocked(client.writeJournal).mockRejectedValue(new Error('Policywright is not running'));
    const journal = new EditJournal(client, 'doc', 'w1', () => {
      clock += 5;
      return { edition: editionOf(['edit']), base: null };
    });
    await journal.keepNow();
    // 5 ms to take and 300 ms to seal: twenty times 305 ms.
    expect(journal.nextSpacing).toBe(6100);
  });
});
