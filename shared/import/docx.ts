import { strToU8, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import type { PolicyDocument } from '../model/document';
import { NUMBERING_STYLES, type NumberingStyle } from '../model/vocabulary';
import { megabytes } from './decode';
import { ImportError, UNNAMED } from './errors';
import { readHtml } from './html';
import { referencesAsLinks } from './reference-field';
import { recoverStructure, type StructureOptions } from './structure';
import type { RawDocument } from './raw';
import { unpackZip } from './unpack';
import { NotMine } from './wordml/not-mine';
import { readWordml } from './wordml/read';
import { ZIP_LIMITS, listZip, looksLikeZip, verifyZip, type ZipEntryInfo, type ZipParts } from './zip';
import { readReview, type ReviewOptions } from './docx-review/read-review';

/*
 * DOCX in three steps. zip.ts checks the archive's directory (bombs, hostile names), and unpack.ts inflates every
 * entry once under the same guard (sizes as declared, no DOCTYPE in any XML part). Then wordml/ reads the document
 * itself: "Heading 1"–"Heading 6" are headings whatever list numbering Word puts on them (their levels come from the
 * style), "Title" is the title, a table of contents is dropped, numbered and bulleted paragraphs are list items at
 * their Word level (with the numbers Word draws on them), with bold, italic, underline, superscript, subscript and
 * http/https/mailto links, tables, footnotes and endnotes as notes — what mammoth's HTML (below) gives, which
 * wordml-vs-mammoth.test.ts checks on the same bytes, and what mammoth loses (wordml-shapes.test.ts). On the bench's 100,000-word file the whole import costs a
 * quarter of the CPU time it did through mammoth (whose XML DOM, document model and HTML writer were three quarters of it).
 *
 * mammoth stays for what wordml/ does not follow (it says NotMine): text boxes and VML, symbols, checkboxes, unusual
 * namespaces, XML it finds malformed. It runs from the bytes alone (no path, so nothing relative to a
 * file can be resolved), with external file access off (the default since 1.11, set here anyway), without any style
 * map the document embeds, and with an image converter that reads nothing: images are dropped, never loaded. Its HTML
 * is read like any untrusted HTML. mammoth works in Node from `buffer` and in a browser bundle from `arrayBuffer`; both
 * are given the same bytes.
 */

const STYLE_MAP = [
  "p[style-name='Title'] => p.pw-title:fresh",
  "p[style-name='title'] => p.pw-title:fresh",
  // a table's caption, which html.ts gives to the table beside it (as the WordprocessingML reader does)
  "p[style-name='caption'] => p.pw-caption:fresh",
  "p[style-name='Caption'] => p.pw-caption:fresh",
  // A table of contents ("TOC Heading", then entries in "toc 1"–"toc 9", as Word and the DOCX export write it) is no
  // part of the text: its entries would be read as numbered headings or paragraphs of their own.
  "p[style-name='TOC Heading'] => !",
  ...Array.from({ length: 9 }, (_, i) => `p[style-name='toc ${i + 1}'] => !`),
  'u => u',
];

// Reads nothing from the image: the <img> it yields is ignored by the HTML reader.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Why bytes that should be a DOCX are not one: a message for an ImportError. */
function notDocx(bytes: Uint8Array, file: string): ImportError {
  if (startsWith(bytes, OLE_MAGIC)) {
    return new ImportError(file, 'unsupported', 'is an old-format Word (.doc) file or a password-protected document; save it as an unprotected .docx and import that');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return new ImportError(file, 'unsupported', 'is a PDF, not a Word document; PDF files cannot be imported');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return new ImportError(file, 'unsupported', 'is an RTF file, not a Word document; save it as .docx and import that');
  return new ImportError(file, 'not-docx', 'is not a Word document: a .docx file is a ZIP archive and this file is not one');
}

function checkParts(entries: readonly ZipEntryInfo[], file: string): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return;
  if (names.has('mimetype') && [...names].some((n) => n === 'content.xml')) {
    throw new ImportError(file, 'unsupported', 'is an OpenDocument file, not a Word document; save it as .docx and import that');
  }
  if (names.has('xl/workbook.xml')) throw new ImportError(file, 'not-docx', 'is an Excel workbook, not a Word document');
  if (names.has('ppt/presentation.xml')) throw new ImportError(file, 'not-docx', 'is a PowerPoint presentation, not a Word document');
  throw new ImportError(file, 'not-docx', 'is a ZIP archive but not a Word document (it has no word/document.xml)');
}

export async function importDocx(bytes: Uint8Array, options: StructureOptions & ReviewOptions = {}): Promise<PolicyDocument> {
  const file = options.fileName ?? UNNAMED;
  if (bytes.length === 0) throw new ImportError(file, 'empty', 'is empty');
  if (bytes.length > ZIP_LIMITS.maxFileBytes) {
    throw new ImportError(file, 'too-large', `is ${megabytes(bytes.length)}, more than the ${megabytes(ZIP_LIMITS.maxFileBytes)} a Word document may be`);
  }
  if (!looksLikeZip(bytes)) throw notDocx(bytes, file);
  const entries = listZip(bytes, file);
  checkParts(entries, file);
  const parts = unpackZip(bytes, entries, file) ?? (await verifyZip(bytes, entries, file));
  const text = partText(parts);
  const coreTitle = readCoreTitle(text('docProps/core.xml'));
  const numbering = readNumberingProperty(text('docProps/custom.xml'));
  // Tracked changes and comments: document.xml marked so that the readers keep them (docx-review/).
  const review = readReview(text, options);

  let raw: RawDocument;
  try {
    raw = readWordml(text, review?.xml);
  } catch (error) {
    if (!(error instanceof NotMine)) throw error;
    // mammoth knows no REF field: the cross-references are rewritten as links it reads (reference-field.ts).
    const linked = referencesAsLinks(review?.xml ?? text('word/document.xml') ?? '');
    const documentXml = linked ?? review?.xml;
    raw = await readWithMammoth(documentXml !== undefined ? withDocument(parts, documentXml) : bytes, file);
  }
  if (coreTitle) raw.fallbackTitle = coreTitle;
  if (numbering) raw.metadata = { ...raw.metadata, numbering };
  const doc = recoverStructure(raw, options);
  return review ? review.apply(doc) : doc;
}

/** A part's text (UTF-8, without a byte order mark, as mammoth reads it), decoded once; undefined when it is missing. */
function partText(parts: ZipParts): (name: string) => string | undefined {
  const decoded = new Map<string, string>();
  const utf8 = new TextDecoder('utf-8');
  return (name) => {
    let text = decoded.get(name);
    if (text === undefined) {
      const bytes = parts.get(name);
      if (bytes === undefined) return undefined;
      text = utf8.decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      decoded.set(name, text);
    }
    return text;
  };
}

/** The archive again with its document.xml replaced, stored (not deflated): mammoth unpacks it at once. */
function withDocument(parts: ZipParts, documentXml: string): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  files['word/document.xml'] = [strToU8(documentXml), { level: 0 }];
  return zipSync(files);
}

/** The way every .docx went before wordml/: mammoth's HTML, read by html.ts. For what wordml/ leaves to it (NotMine). */
export async function readWithMammoth(source: Uint8Array, file: string): Promise<RawDocument> {
  let html: string;
  try {
    const input = { buffer: source, arrayBuffer: source } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      convertImage: dropImages,
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (error) {
    // Our own words: the XML reader's message quotes the file and names its own internals.
    const why = error instanceof RangeError ? 'its content is nested more deeply than any Word document' : 'its XML is damaged';
    throw new ImportError(file, 'corrupt', `could not be read as a Word document (${why})`);
  }
  return readHtml(html, { fromDocx: true });
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The title in the document's properties (File › Info in Word), used only when the text gives none. */
function readCoreTitle(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  try {
    const m = /<dc:title>([\s\S]{1,2000}?)<\/dc:title>/.exec(xml.slice(0, 65536));
    if (!m) return undefined;
    const title = (m[1] ?? '').replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (all, hex: string, dec: string, name: string) => {
      const code = hex ? Number.parseInt(hex, 16) : dec ? Number(dec) : NaN;
      if (name) return XML_ENTITIES[name.toLowerCase()] ?? all;
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
    return title.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The numbering style a Policywright export records in its custom properties ("Numbering": "section-sign"). mammoth
 * drops the numbers Word draws on headings, so without it a § or A./1. document would come back numbered 1, 1.1.
 */
function readNumberingProperty(xml: string | undefined): NumberingStyle | undefined {
  if (xml === undefined) return undefined;
  try {
    const value = /<property\b[^>]*\bname="Numbering"[^>]*>\s*<vt:lpwstr>([^<]{1,40})<\/vt:lpwstr>/.exec(xml.slice(0, 65536))?.[1]?.trim();
    return (NUMBERING_STYLES as readonly string[]).includes(value ?? '') ? (value as NumberingStyle) : undefined;
  } catch {
    return undefined;
  }
}
