import type { RawDocument } from '../raw';
import { readBody, readNotes, type Block } from './body';
import { NotMine } from './not-mine';
import { NO_NUMBERING, readNumbering } from './numbering';
import { partPath, readRelationships, type Relationship } from './relationships';
import { NO_STYLES, readStyles } from './styles';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const MAIN = 'word/document.xml';

/**
 * A .docx read without mammoth: the parts mammoth would read for the text (the main document, its relationships,
 * styles and numbering, found as mammoth finds them), `text` giving a part's text or undefined when it is missing.
 * `documentXml` replaces word/document.xml (the review import's marked copy). NotMine when mammoth should read it.
 */
export function readWordml(text: (name: string) => string | undefined, documentXml?: string): RawDocument {
  const rootRelationships = relationshipsOf(text('_rels/.rels'));
  const exists = (name: string) => text(name) !== undefined;
  if (partPath(rootRelationships, `${RELATIONSHIP}officeDocument`, '', MAIN, exists) !== MAIN) throw new NotMine('a main document elsewhere than word/document.xml');
  const relationships = relationshipsOf(text('word/_rels/document.xml.rels'));
  const stylesXml = text(partPath(relationships, `${RELATIONSHIP}styles`, 'word', 'word/styles.xml', exists));
  const numberingXml = text(partPath(relationships, `${RELATIONSHIP}numbering`, 'word', 'word/numbering.xml', exists));
  const styles = stylesXml === undefined ? NO_STYLES : readStyles(stylesXml);
  const numbering = numberingXml === undefined ? NO_NUMBERING : readNumbering(numberingXml, styles);
  const targets = new Map(relationships.map((r) => [r.id ?? 'undefined', r.target]));
  const dropped = { contentsEntries: 0 };
  const context = { styles, numbering, targets, dropped };
  // mammoth reads both note parts whether or not the text refers to them (and fails on either as it would on the text)
  const notes = new Map<string, readonly Block[]>();
  for (const type of ['footnote', 'endnote'] as const) {
    const path = partPath(relationships, `${RELATIONSHIP}${type}s`, 'word', `word/${type}s.xml`, exists);
    const notesXml = text(path);
    if (notesXml === undefined) continue;
    // a note's links are the notes part's own relationships
    const own = relationshipsOf(text(relationshipsPath(path)));
    const noteContext = { ...context, targets: new Map(own.map((r) => [r.id ?? 'undefined', r.target])) };
    for (const [key, blocks] of readNotes(notesXml, noteContext, type)) notes.set(key, blocks);
  }
  const xml = documentXml ?? text(MAIN);
  if (xml === undefined) throw new NotMine('no main document');
  const paragraphs = readBody(xml, context, notes);
  return { format: 'docx', paragraphs, ...(dropped.contentsEntries > 0 ? { contentsDropped: dropped.contentsEntries } : {}) };
}

function relationshipsOf(xml: string | undefined): Relationship[] {
  return xml === undefined ? [] : readRelationships(xml);
}

/** Where a part's relationships are: "word/_rels/footnotes.xml.rels" for "word/footnotes.xml". */
function relationshipsPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? `_rels/${path}.rels` : `${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`;
}
