import { NotMine } from './not-mine';
import { attribute, scanXml } from './xml-scan';

const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  readonly id: string | undefined;
  readonly target: string | undefined;
  readonly type: string | undefined;
}

/** The relationships of a .rels part, in order, as mammoth reads them (the root's Relationship children). */
export function readRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  let depth = 0;
  scanXml(xml, {
    open(name, attrs) {
      depth++;
      if (depth === 1) {
        if (name !== 'Relationships' || attribute(attrs, 'xmlns') !== PACKAGE_RELATIONSHIPS || /xmlns:/.test(attrs)) throw new NotMine('relationships in an unusual form');
      } else if (attrs.includes('xmlns')) {
        throw new NotMine('a namespace declared inside relationships');
      } else if (depth === 2 && name === 'Relationship') {
        out.push({ id: attribute(attrs, 'Id'), target: attribute(attrs, 'Target'), type: attribute(attrs, 'Type') });
      }
    },
    close() {
      depth--;
    },
    text() {},
    wantsText: () => false,
  });
  return out;
}

/** mammoth's findPartPath: the first target of that type that exists in the archive, else the usual path. */
export function partPath(relationships: readonly Relationship[], type: string, basePath: string, fallback: string, exists: (name: string) => boolean): string {
  for (const r of relationships) {
    if (r.type !== type || r.target === undefined) continue;
    if (r.target === '') continue;
    const joined = basePath === '' || r.target.startsWith('/') ? r.target : `${basePath}/${r.target}`;
    const name = joined.startsWith('/') ? joined.slice(1) : joined;
    if (exists(name)) return name;
  }
  return fallback;
}

/** mammoth's uris.replaceFragment: a hyperlink's anchor put on its target. */
export function withFragment(uri: string, fragment: string): string {
  const hash = uri.indexOf('#');
  return `${hash === -1 ? uri : uri.slice(0, hash)}#${fragment}`;
}
