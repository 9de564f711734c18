import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { Links } from './docx-run-xml';
import { escapeXml } from './docx-xml';
import { zipArchive } from './zip-writer';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** The external links of the body, each a relationship of the document part, as Word gives every link its own. */
export class LinkRelationships implements Links {
  private readonly targets: string[] = [];

  relationship(href: string): string {
    this.targets.push(href);
    return `rIdLink${this.targets.length}`;
  }

  xml(): string {
    return this.targets.map((target, i) => `<Relationship Id="rIdLink${i + 1}" Type="${HYPERLINK}" Target="${escapeXml(target)}" TargetMode="External"/>`).join('');
  }
}

/**
 * The .docx bytes: every part as the `docx` library writes it for `frame` (a document with an empty body: styles, list
 * definitions, settings, properties, header and footer, comments), with `body` (the body's paragraphs, as
 * WordprocessingML text) put into document.xml and the links' relationships into its relationships part. `adjust`
 * may change the parts before they are zipped (zip-writer.ts).
 *
 * Where the time went before: the body through the library's object model (an object per paragraph, run and
 * property, then a tree of plain objects, then text) cost several times writing the same text directly, and deflate in
 * JavaScript as much again; the frame is small, so unzipping the library's package to add the body costs little.
 */
export async function packDocx(frame: Document, body: string, links: LinkRelationships, adjust?: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = unzipSync(await Packer.pack(frame, 'uint8array'));
  const documentXml = part(files, 'word/document.xml');
  const at = documentXml.indexOf('<w:body>');
  if (at < 0) throw new Error('The DOCX document part has no body.');
  const start = at + '<w:body>'.length;
  files['word/document.xml'] = strToU8(documentXml.slice(0, start) + body + documentXml.slice(start));
  const relationships = part(files, 'word/_rels/document.xml.rels');
  files['word/_rels/document.xml.rels'] = strToU8(relationships.replace('</Relationships>', () => `${links.xml()}</Relationships>`));
  adjust?.(files);
  return zipArchive(files);
}

function part(files: Record<string, Uint8Array>, name: string): string {
  const file = files[name];
  if (!file) throw new Error(`The DOCX package has no ${name}.`);
  return strFromU8(file);
}
