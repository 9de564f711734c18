import { checkRootNamespaces, declaresNamespace } from './namespaces';
import { NotMine } from './not-mine';
import { attribute, scanXml } from './xml-scan';

/** What mammoth takes from styles.xml: names by id (the first definition of an id wins), numbering styles' numId. */
export interface WordStyles {
  readonly paragraph: ReadonlyMap<string, string | null>;
  readonly character: ReadonlyMap<string, string | null>;
  readonly numbering: ReadonlyMap<string, string | undefined>;
  /** A paragraph style's own list (its w:pPr/w:numPr/w:numId), which mammoth ignores: Word's heading numbering. */
  readonly paragraphNumbering: ReadonlyMap<string, string>;
}

export const NO_STYLES: WordStyles = { paragraph: new Map(), character: new Map(), numbering: new Map(), paragraphNumbering: new Map() };

interface StyleBeingRead {
  type: string | undefined;
  id: string | undefined;
  name: string | null;
  numId: string | undefined;
  /** Where the w:style element stands in `path`. */
  at: number;
  /** The property elements seen, by path below the style: a second one is NotMine (mammoth reads the first). */
  seen: Set<string>;
}

/** Every w:style of the part, wherever it stands, with its w:name and, for a numbering style, its w:pPr/w:numPr/w:numId. */
export function readStyles(xml: string): WordStyles {
  const paragraph = new Map<string, string | null>();
  const character = new Map<string, string | null>();
  const numbering = new Map<string, string | undefined>();
  const paragraphNumbering = new Map<string, string>();
  const path: string[] = [];
  let style: StyleBeingRead | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (path.length === 0) checkRootNamespaces(attrs);
      else if (declaresNamespace(attrs)) throw new NotMine('a namespace declared inside styles');
      if (name === 'w:style') {
        if (style) throw new NotMine('a style inside a style');
        style = { type: attribute(attrs, 'w:type'), id: attribute(attrs, 'w:styleId'), name: null, numId: undefined, at: path.length, seen: new Set() };
      } else if (style) {
        const below = [...path.slice(style.at + 1), name].join('/');
        if (below === 'w:name' || below === 'w:pPr' || below === 'w:pPr/w:numPr' || below === 'w:pPr/w:numPr/w:numId') {
          if (style.seen.has(below)) throw new NotMine('a style property given twice');
          style.seen.add(below);
          if (below === 'w:name') style.name = attribute(attrs, 'w:val') ?? null;
          if (below === 'w:pPr/w:numPr/w:numId') style.numId = attribute(attrs, 'w:val');
        }
      }
      path.push(name);
    },
    close(name) {
      path.pop();
      if (name !== 'w:style' || !style || path.length !== style.at) return;
      const { type, id, name: styleName, numId } = style;
      style = null;
      if (id === undefined) return;
      if (type === 'paragraph' && !paragraph.has(id)) paragraph.set(id, styleName);
      if (type === 'character' && !character.has(id)) character.set(id, styleName);
      if (type === 'numbering' && !numbering.has(id)) numbering.set(id, numId);
      if (type === 'paragraph' && numId !== undefined && !paragraphNumbering.has(id)) paragraphNumbering.set(id, numId);
    },
    text() {},
    wantsText: () => false,
  });
  return { paragraph, character, numbering, paragraphNumbering };
}
