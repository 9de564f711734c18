/**
 * The pairs that kept their order: the heaviest subsequence whose old positions rise as the new positions do. Every
 * other pair moved. Weighing by size means that when two sections swap, the shorter one is the one said to move,
 * as a reader would say it. O(n log n) with a Fenwick tree of prefix maxima.
 */
export function heaviestIncreasing(pairs: ReadonlyArray<{ old: number; weight: number }>, oldCount: number): Set<number> {
  const tree = new Float64Array(oldCount + 1);
  const treeItem = new Int32Array(oldCount + 1).fill(-1);
  const previous = new Int32Array(pairs.length).fill(-1);
  const total = new Float64Array(pairs.length);
  let best = -1;

  for (let item = 0; item < pairs.length; item++) {
    const pair = pairs[item] as { old: number; weight: number };
    // Best chain ending at an old position below this one.
    let weight = 0;
    let from = -1;
    for (let i = pair.old; i > 0; i -= i & -i) {
      if ((tree[i] ?? 0) > weight) {
        weight = tree[i] ?? 0;
        from = treeItem[i] ?? -1;
      }
    }
    total[item] = weight + pair.weight;
    previous[item] = from;
    for (let i = pair.old + 1; i <= oldCount; i += i & -i) {
      if ((total[item] ?? 0) > (tree[i] ?? 0)) {
        tree[i] = total[item] ?? 0;
        treeItem[i] = item;
      }
    }
    if (best === -1 || (total[item] ?? 0) > (total[best] ?? 0)) best = item;
  }

  const chosen = new Set<number>();
  for (let item = best; item !== -1; item = previous[item] ?? -1) chosen.add(item);
  return chosen;
}
