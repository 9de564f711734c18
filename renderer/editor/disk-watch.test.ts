import { describe, expect, it } from 'vitest';
import type { ProjectClient } from '../../shared/api/client';
import type { DocumentCheck } from '../../shared/api/contract';
import { askAboutTheFile } from './use-disk-watch';

/** A window's view of its saves and stamp, and a main whose answer to a check comes back when the test says. */
function lab(answer: DocumentCheck) {
  const state = { stamp: 'S0' as string | null, begun: 0, inFlight: false, asked: 0, conflict: false };
  let reply: () => void = () => undefined;
  const client = {
    checkDocument: () => {
      state.asked += 1;
      return new Promise<DocumentCheck>((resolve) => {
        reply = () => resolve(answer);
      });
    },
  } as unknown as ProjectClient;
  const ask = () =>
    askAboutTheFile({
      client,
      documentId: 'privacy-policy',
      window: 'w-test0001',
      stamp: () => state.stamp,
      quiet: () => state.conflict,
      saves: () => ({ begun: state.begun, inFlight: state.inFlight }),
    });
  return { state, ask, answer: () => reply() };
}

describe('askAboutTheFile', () => {
  it('reports a file another writer changed', async () => {
    const { ask, answer } = lab({ state: 'changed', stamp: 'THEIRS' });
    const asking = ask();
    answer();
    expect(await asking).toEqual({ state: 'changed', stamp: 'THEIRS' });
  });

  it('takes no answer for a change when a save of ours began while it asked, even before that save says its stamp', async () => {
    // Main wrote our save (S1) before it answered the check that still named S0; our save's reply is not in yet.
    const { state, ask, answer } = lab({ state: 'changed', stamp: 'S1' });
    const asking = ask();
    state.begun += 1;
    state.inFlight = true;
    answer();
    expect(await asking).toBeNull();
  });

  it('takes no answer when a save of ours began and ended while it asked', async () => {
    const { state, ask, answer } = lab({ state: 'changed', stamp: 'S1' });
    const asking = ask();
    state.begun += 1;
    state.stamp = 'S2'; // a second save has landed since: the answer's S1 is neither the old stamp nor ours now
    answer();
    expect(await asking).toBeNull();
  });

  it('does not ask while a save of ours is on its way, whatever the status shows', async () => {
    const { state, ask } = lab({ state: 'changed', stamp: 'S1' });
    state.inFlight = true;
    expect(await ask()).toBeNull();
    expect(state.asked).toBe(0);
  });

  it('says nothing once a conflict is showing, and nothing of a file that has our stamp', async () => {
    const shown = lab({ state: 'changed', stamp: 'THEIRS' });
    const asking = shown.ask();
    shown.state.conflict = true;
    shown.answer();
    expect(await asking).toBeNull();

    const same = lab({ state: 'changed', stamp: 'S0' });
    const again = same.ask();
    same.answer();
    expect(await again).toBeNull();
  });

  it('reports a file that is gone', async () => {
    const { ask, answer } = lab({ state: 'missing', stamp: null });
    const asking = ask();
    answer();
    expect(await asking).toEqual({ state: 'missing', stamp: null });
  });
});
