import type JSZip from 'jszip';
import mammoth from 'mammoth';
import type { PolicyDocument } from '../model/document';
import { NUMBERING_STYLES, type NumberingStyle } from '../model/vocabulary';
import { megabytes } from './decode';
import { ImportError, UNNAMED } from './errors';
import { readHtml } from './html';
import { recoverStructure, type StructureOptions } from './structure';
import { ZIP_LIMITS, listZip, looksLikeZip, verifyZip, type ZipEntryInfo } from './zip';
import { readReview, type ReviewOptions } from './docx-review/read-review';

/*
 * DOCX through mammoth, which turns Word's paragraphs into HTML by their styles: "Heading 1"–"Heading 6" become
 * <h1>–<h6> whatever list numbering Word puts on them (mammoth drops automatic numbers, so heading levels come from
 * the style), numbered and bulleted paragraphs become nested <ol>/<ul>. The HTML is then read like any untrusted HTML.
 *
 * mammoth runs from the bytes alone (no path, so nothing relative to a file can be resolved), with external file
 * access off (the default since 1.11, set here anyway), without any style map the document embeds, and with an
 * image converter that reads nothing: images are dropped, never loaded. mammoth works in Node from `buffer` and in a
 * browser bundle from `arrayBuffer`; both are given the same bytes. Everything happens after zip.ts has checked the
 * archive.
 */

const STYLE_MAP = [
  "p[style-name='Title'] => p.pw-title:fresh",
  "p[style-name='title'] => p.pw-title:fresh",
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
  const zip = await verifyZip(bytes, entries, file);
  const coreTitle = await readCoreTitle(zip);
  const numbering = await readNumberingProperty(zip);
  const references = await referencesAsLinks(zip);
  // Tracked changes and comments: document.xml rewritten so mammoth keeps them (docx-review/); none, and the bytes go as they are.
  const review = await readReview(zip, file, options);
  const source = review ? review.bytes : references ? await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;

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
  const raw = readHtml(html, { fromDocx: true });
  if (coreTitle) raw.fallbackTitle = coreTitle;
  if (numbering) raw.metadata = { ...raw.metadata, numbering };
  const doc = recoverStructure(raw, options);
  return review ? review.apply(doc) : doc;
}

/** A REF field's instruction that shows a bookmarked paragraph's number (\\r, \\n or \\w): a cross-reference. */
const NUMBER_REF = /(<w:instrText\b[^>]*>)\s*REF\s+([A-Za-z0-9_]{1,40})((?:\s+\\[a-z*]+)*)\s*(<\/w:instrText>)/g;

/**
 * Word's cross-references to a heading's number (REF fields, as our export and Word's Insert › Cross-reference write
 * them) rewritten in the archive as internal hyperlinks to the same bookmark, which mammoth reads as links to
 * `#bookmark` and the structure pass makes references (structure/anchors.ts). True when any was found.
 */
async function referencesAsLinks(zip: JSZip): Promise<boolean> {
  const part = zip.file('word/document.xml');
  if (!part) return false;
  const xml = await part.async('string');
  if (!/REF\s/.test(xml)) return false;
  let found = false;
  const linked = xml.replace(NUMBER_REF, (all, open: string, bookmark: string, switches: string, close: string) => {
    if (!/\\[rnw]\b/.test(switches)) return all;
    found = true;
    return `${open} HYPERLINK \\l "${bookmark}" ${close}`;
  });
  if (found) zip.file('word/document.xml', linked);
  return found;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The title in the document's properties (File › Info in Word), used only when the text gives none. */
async function readCoreTitle(zip: JSZip): Promise<string | undefined> {
  const core = zip.file('docProps/core.xml');
  if (!core) return undefined;
  try {
    const xml = await core.async('string');
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
async function readNumberingProperty(zip: JSZip): Promise<NumberingStyle | undefined> {
  const custom = zip.file('docProps/custom.xml');
  if (!custom) return undefined;
  try {
    const xml = (await custom.async('string')).slice(0, 65536);
    const value = /<property\b[^>]*\bname="Numbering"[^>]*>\s*<vt:lpwstr>([^<]{1,40})<\/vt:lpwstr>/.exec(xml)?.[1]?.trim();
    return (NUMBERING_STYLES as readonly string[]).includes(value ?? '') ? (value as NumberingStyle) : undefined;
  } catch {
    return undefined;
  }
}
