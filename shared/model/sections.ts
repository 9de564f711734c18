/**
 * Sections derived from a flat list of blocks. `levels[i]` is the heading level of block i, or null when block i is
 * not a heading. A section is its heading and everything after it up to the next heading of the same or a higher
 * level (a smaller number), so its subsections travel with it.
 */
export type Levels = ReadonlyArray<number | null>;

/** The index after the last block of the section whose heading is at `start`. */
export function sectionEnd(levels: Levels, start: number): number {
  const level = levels[start];
  if (level == null) throw new Error(`block ${start} is not a heading`);
  for (let i = start + 1; i < levels.length; i++) {
    const other = levels[i];
    if (other != null && other <= level) return i;
  }
  return levels.length;
}

/** The heading of the section that block `index` belongs to, or -1 for text before the first heading. */
export function owningHeading(levels: Levels, index: number): number {
  for (let i = Math.min(index, levels.length - 1); i >= 0; i--) if (levels[i] != null) return i;
  return -1;
}

/** The heading of the previous section at the same level under the same parent, or -1 if this is the first. */
export function previousSibling(levels: Levels, start: number): number {
  const level = levels[start];
  if (level == null) return -1;
  for (let i = start - 1; i >= 0; i--) {
    const other = levels[i];
    if (other == null) continue;
    if (other === level) return i;
    if (other < level) return -1;
  }
  return -1;
}

/** The heading of the next section at the same level under the same parent, or -1 if this is the last. */
export function nextSibling(levels: Levels, start: number): number {
  const end = sectionEnd(levels, start);
  return end < levels.length && levels[end] === levels[start] ? end : -1;
}

/** The deepest heading level inside the section at `start`, its own included. */
export function deepestLevel(levels: Levels, start: number): number {
  const end = sectionEnd(levels, start);
  let deepest = 0;
  for (let i = start; i < end; i++) deepest = Math.max(deepest, levels[i] ?? 0);
  return deepest;
}
