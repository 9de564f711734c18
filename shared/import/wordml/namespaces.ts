import { NotMine } from './not-mine';
import { attributes } from './xml-scan';

/*
 * This reader matches names by their prefixes as Word writes them ("w:p"), where mammoth resolves namespaces. The two
 * agree when a part declares, on its root element only, the prefixes Word uses for the namespaces mammoth knows: that
 * is checked here, and any other arrangement (Strict OOXML, another prefix, a default namespace, a declaration further
 * in) is NotMine.
 */
const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'w10',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
};
const KNOWN_PREFIXES = new Set(Object.values(PREFIXES));

/** Checks a WordprocessingML part's root element (document, styles, numbering): `w:` and its companions as Word writes them. */
export function checkRootNamespaces(rawAttributes: string): void {
  const declared = attributes(rawAttributes);
  if (declared.get('xmlns:w') !== 'http://schemas.openxmlformats.org/wordprocessingml/2006/main') throw new NotMine('no w: prefix for WordprocessingML');
  for (const [name, uri] of declared) {
    if (name === 'xmlns') throw new NotMine('a default namespace');
    if (!name.startsWith('xmlns:')) continue;
    const prefix = name.slice(6);
    const expected = PREFIXES[uri];
    if (expected !== undefined && expected !== prefix) throw new NotMine(`namespace ${uri} under the prefix ${prefix}`);
    if (expected === undefined && KNOWN_PREFIXES.has(prefix)) throw new NotMine(`the prefix ${prefix} for another namespace`);
    if (uri.startsWith('http://purl.oclc.org/ooxml/')) throw new NotMine('Strict OOXML');
  }
}

/** Whether a start tag below the root declares a namespace. */
export function declaresNamespace(rawAttributes: string): boolean {
  return rawAttributes.includes('xmlns');
}
