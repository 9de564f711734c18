import { checkRootNamespaces, declaresNamespace } from './namespaces';
import { NotMine } from './not-mine';
import type { WordStyles } from './styles';
import { attribute, scanXml } from './xml-scan';

/** A list level as mammoth keeps it: ordered unless its format is "bullet", and the paragraph style it belongs to. */
export interface ListLevel {
  readonly level: string;
  readonly isOrdered: boolean;
  readonly paragraphStyleId: string | undefined;
  /** What mammoth ignores and list-numbers.ts counts with: the level's format ("decimal", "none" …), start and restart. */
  readonly format: string | undefined;
  readonly start: number;
  /** w:lvlRestart: restarted after a use of a level above this one (1-based); 0 never; undefined after any level above. */
  readonly restart: number | undefined;
}

// Plain records, as mammoth keeps them: their iteration order (integer-like keys first, ascending) decides which of two
// levels naming the same paragraph style wins.
interface AbstractNum {
  levels: Record<string, ListLevel>;
  numStyleLink: string | undefined;
  linked: boolean;
}

export interface WordNumbering {
  /** mammoth's Numbering.findLevel: a w:num's level, following numbering styles (w:numStyleLink), lvlOverride ignored. */
  findLevel(numId: string, level: string): ListLevel | null;
  findLevelByParagraphStyleId(styleId: string): ListLevel | null;
  /**
   * Where a w:num counts (the abstract definition it ends at: lists sharing one continue each other's numbers, as in
   * Word) and the start values its w:lvlOverride/w:startOverride set (by level), for list-numbers.ts.
   */
  counting(numId: string): { key: string; levels: (index: string) => ListLevel | null; overrides: ReadonlyMap<string, number> } | null;
}

export const NO_NUMBERING: WordNumbering = { findLevel: () => null, findLevelByParagraphStyleId: () => null, counting: () => null };

/** numbering.xml as mammoth reads it (docx/numbering-xml.js): every w:abstractNum and w:num, wherever it stands. */
export function readNumbering(xml: string, styles: WordStyles): WordNumbering {
  const abstractNums: Record<string, AbstractNum> = Object.create(null) as Record<string, AbstractNum>;
  const nums = new Map<string, string | undefined>();
  const overrides = new Map<string, Map<string, number>>();
  const path: string[] = [];
  let abstract: { id: string | undefined; at: number; value: AbstractNum; withoutIndex: ListLevel | null } | null = null;
  let level: { index: string | undefined; at: number; numFmt: string | undefined; pStyle: string | undefined; seen: Set<string>; start: number; restart: number | undefined } | null = null;
  let num: { id: string | undefined; at: number; abstractNumId: string | undefined; seen: boolean; overrides: Map<string, number>; override: string | undefined } | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (path.length === 0) checkRootNamespaces(attrs);
      else if (declaresNamespace(attrs)) throw new NotMine('a namespace declared inside numbering');
      if (name === 'w:abstractNum') {
        if (abstract || num) throw new NotMine('nested numbering definitions');
        abstract = { id: attribute(attrs, 'w:abstractNumId'), at: path.length, value: { levels: Object.create(null) as Record<string, ListLevel>, numStyleLink: undefined, linked: false }, withoutIndex: null };
      } else if (name === 'w:num') {
        if (abstract || num) throw new NotMine('nested numbering definitions');
        num = { id: attribute(attrs, 'w:numId'), at: path.length, abstractNumId: undefined, seen: false, overrides: new Map(), override: undefined };
      } else if (num && path.length === num.at + 1 && name === 'w:lvlOverride') {
        num.override = attribute(attrs, 'w:ilvl');
      } else if (num && num.override !== undefined && path.length === num.at + 2 && name === 'w:startOverride') {
        const start = Number.parseInt(attribute(attrs, 'w:val') ?? '', 10);
        if (Number.isFinite(start)) num.overrides.set(num.override, start);
      } else if (abstract && name === 'w:lvl') {
        if (level) throw new NotMine('a level inside a level');
        level = { index: attribute(attrs, 'w:ilvl'), at: path.length, numFmt: undefined, pStyle: undefined, seen: new Set(), start: 1, restart: undefined };
      } else if (level && path.length === level.at + 1 && (name === 'w:start' || name === 'w:lvlRestart')) {
        const value = Number.parseInt(attribute(attrs, 'w:val') ?? '', 10);
        if (Number.isFinite(value) && name === 'w:start') level.start = value;
        else if (Number.isFinite(value)) level.restart = value;
      } else if (level && path.length === level.at + 1 && (name === 'w:numFmt' || name === 'w:pStyle')) {
        if (level.seen.has(name)) throw new NotMine('a level property given twice');
        level.seen.add(name);
        if (name === 'w:numFmt') level.numFmt = attribute(attrs, 'w:val');
        else level.pStyle = attribute(attrs, 'w:val');
      } else if (abstract && !level && path.length === abstract.at + 1 && name === 'w:numStyleLink') {
        if (abstract.value.linked) throw new NotMine('two numbering style links');
        abstract.value.linked = true;
        abstract.value.numStyleLink = attribute(attrs, 'w:val');
      } else if (num && path.length === num.at + 1 && name === 'w:abstractNumId') {
        if (num.seen) throw new NotMine('two abstractNumId in one w:num');
        num.seen = true;
        num.abstractNumId = attribute(attrs, 'w:val');
      }
      path.push(name);
    },
    close(name) {
      path.pop();
      if (level && name === 'w:lvl' && path.length === level.at && abstract) {
        const read: ListLevel = {
          level: level.index ?? '0', isOrdered: level.numFmt !== 'bullet', paragraphStyleId: level.pStyle,
          format: level.numFmt, start: level.start, restart: level.restart,
        };
        if (level.index === undefined) abstract.withoutIndex = read;
        else abstract.value.levels[level.index] = read;
        level = null;
      } else if (abstract && name === 'w:abstractNum' && path.length === abstract.at) {
        const { id, value, withoutIndex } = abstract;
        if (withoutIndex && value.levels['0'] === undefined) value.levels['0'] = withoutIndex;
        // mammoth keys by the id as written, the last definition of an id winning
        abstractNums[String(id)] = value;
        abstract = null;
      } else if (num && name === 'w:num' && path.length === num.at) {
        if (!num.seen) throw new NotMine('a w:num without abstractNumId');
        nums.set(String(num.id), num.abstractNumId);
        overrides.set(String(num.id), num.overrides);
        num = null;
      }
    },
    text() {},
    wantsText: () => false,
  });

  const byStyle = new Map<string, ListLevel>();
  for (const abstractNum of Object.values(abstractNums)) {
    for (const l of Object.values(abstractNum.levels)) if (l.paragraphStyleId !== undefined) byStyle.set(l.paragraphStyleId, l);
  }
  const findLevel = (numId: string, index: string, seenNumIds: Set<string>): ListLevel | null => {
    if (seenNumIds.has(numId)) return null;
    seenNumIds.add(numId);
    if (!nums.has(numId)) return null;
    const abstractNum = abstractNums[String(nums.get(numId))];
    if (!abstractNum) return null;
    if (abstractNum.numStyleLink === undefined) return abstractNum.levels[index] ?? null;
    if (!styles.numbering.has(abstractNum.numStyleLink)) throw new NotMine('a numbering style link to no style');
    return findLevel(String(styles.numbering.get(abstractNum.numStyleLink)), index, seenNumIds);
  };
  /** The abstract definition a w:num ends at, following numbering style links as findLevel does. */
  const abstractOf = (numId: string, seen: Set<string>): { id: string; value: AbstractNum } | null => {
    if (seen.has(numId) || !nums.has(numId)) return null;
    seen.add(numId);
    const id = String(nums.get(numId));
    const value = abstractNums[id];
    if (!value) return null;
    if (value.numStyleLink === undefined) return { id, value };
    const linked = styles.numbering.get(value.numStyleLink);
    return linked === undefined ? null : abstractOf(linked, seen);
  };
  return {
    findLevel: (numId, index) => findLevel(numId, index, new Set()),
    findLevelByParagraphStyleId: (styleId) => byStyle.get(styleId) ?? null,
    counting: (numId) => {
      const found = abstractOf(numId, new Set());
      if (!found) return null;
      return { key: found.id, levels: (index) => found.value.levels[index] ?? null, overrides: overrides.get(numId) ?? new Map() };
    },
  };
}
