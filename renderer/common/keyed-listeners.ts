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
    for (const key of keys) for (const listener of this.byKey.get(key) ?? []) listener();
  }
}
