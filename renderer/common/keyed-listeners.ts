/**
 * Listeners by key (a section's or a footnote's id): a store that changes a few keys calls only theirs, so a change of
 * one number re-renders the one element that shows it, not every subscriber of the store.
 */
export class KeyedListeners {
  private readonly byKey = new Map<string, Set<() => void>>();

  subscribe(key: string, listener: () => void): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byKey.delete(key);
    };
  }

  notify(keys: Iterable<string>): void {
    // Opening a 20,000-section policy notifies every key before anything has subscribed.
    if (this.byKey.size === 0) return;
    for (const key of keys) {
      const listeners = this.byKey.get(key);
      if (listeners) for (const listener of listeners) listener();
    }
  }
}
