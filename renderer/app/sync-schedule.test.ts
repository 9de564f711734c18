import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveSignal, SyncAfterSave } from './sync-schedule';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const timers = { set: (run: () => void, ms: number) => setTimeout(run, ms), clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

describe('the sync after a save', () => {
  it('runs once, a minute after the last of several saves', () => {
    const sync = vi.fn();
    const schedule = new SyncAfterSave(sync, () => true, 60_000, timers);
    schedule.saved();
    vi.advanceTimersByTime(40_000);
    schedule.saved();
    vi.advanceTimersByTime(59_000);
    expect(sync).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(sync).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('waits again while the person is typing, and syncs once the edits are saved', () => {
    const sync = vi.fn();
    let idle = false;
    const schedule = new SyncAfterSave(sync, () => idle, 60_000, timers);
    schedule.saved();
    vi.advanceTimersByTime(60_000);
    expect(sync).not.toHaveBeenCalled();
    expect(schedule.waiting).toBe(true);
    idle = true;
    vi.advanceTimersByTime(60_000);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled (the window left the project)', () => {
    const sync = vi.fn();
    const schedule = new SyncAfterSave(sync, () => true, 60_000, timers);
    schedule.saved();
    schedule.cancel();
    vi.advanceTimersByTime(120_000);
    expect(sync).not.toHaveBeenCalled();
  });
});

describe('the save signal', () => {
  it('tells listeners of a change of state only, and keeps the last state', () => {
    const signal = new SaveSignal();
    const heard: string[] = [];
    const stop = signal.subscribe((state) => heard.push(state));
    signal.report('unsaved');
    signal.report('unsaved');
    signal.report('saving');
    signal.report('saved');
    stop();
    signal.report('unsaved');
    expect(heard).toEqual(['unsaved', 'saving', 'saved']);
    expect(signal.state).toBe('unsaved');
  });
});
