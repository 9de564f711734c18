import type { PolicyDocument } from '../model/document';
import { decodeText } from './decode';
import { ImportError, UNNAMED } from './errors';
import { linkTypedReferences } from './references';
import type { ImportReport } from './report';
import { recoverStructure, type StructureOptions } from './structure';
import { readPlainText } from './text';
import { looksLikeZip } from './zip-signature';
import type * as Yaml from 'yaml';

export { ImportError, type ImportErrorCode } from './errors';
export { reportLines, type ImportReport } from './report';

export type ImportFormat = 'docx' | 'html' | 'markdown' | 'text';

/** The extensions importDocument reads, for a file picker. */
export const IMPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.md', '.markdown', '.txt'] as const;

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  txt: 'text',
  text: 'text',
};

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The first characters of a text, without white space or a byte order mark, for sniffing. */
function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 4096));
}

/**
 * Imports a file a person chose: the reader is chosen by the extension, and the content is sniffed where the
 * extension may lie — a ZIP archive is read as DOCX whatever its name, a .txt that is an HTML page is read as HTML,
 * and a .docx that is not a ZIP archive (or a .doc, a PDF …) is refused with a clear ImportError. Never reads or
 * writes files itself; `fileName` only names the file in messages and gives the title of last resort.
 */
export async function importDocument(fileName: string, bytes: Uint8Array, options: Omit<StructureOptions, 'fileName'> = {}): Promise<PolicyDocument> {
  // Once its sections are known, the document's typed references to them become cross-references.
  return linkTypedReferences(await readDocument(fileName, bytes, options));
}

/** importDocument, and what it decided where the file does not say (report.ts): what a person is shown after it. */
export async function importDocumentWithReport(
  fileName: string,
  bytes: Uint8Array,
  options: Omit<StructureOptions, 'fileName' | 'onReport'> = {},
): Promise<{ doc: PolicyDocument; report: ImportReport | null }> {
  let report: ImportReport | null = null;
  const doc = await importDocument(fileName, bytes, { ...options, onReport: (r) => (report = r) });
  return { doc, report };
}

async function readDocument(fileName: string, bytes: Uint8Array, options: Omit<StructureOptions, 'fileName'>): Promise<PolicyDocument> {
  const file = fileName || UNNAMED;
  const opts: StructureOptions = { ...options, fileName: file };
  if (bytes.length === 0) throw new ImportError(file, 'empty', 'is empty');
  const extension = extensionOf(file);
  const claimed = BY_EXTENSION[extension];
  if (claimed === 'docx' || extension === 'doc' || extension === 'docm' || extension === 'dotx' || looksLikeZip(bytes)) {
    // Each reader is loaded when a file of its kind comes: a Markdown diff on the command line does not load the DOCX
    // reader, nor the DOCX reader the Markdown one.
    const { importDocx } = await import('./docx');
    return importDocx(bytes, opts);
  }
  if (extension === 'pdf' || extension === 'rtf' || extension === 'odt') {
    throw new ImportError(file, 'unsupported', `is a .${extension} file; Policywright imports .docx, .html, .md and .txt files`);
  }
  const text = decodeText(bytes, file, claimed === 'html' ? 'an HTML file' : claimed === 'markdown' ? 'a Markdown file' : 'a text file');
  if (text.trim() === '') throw new ImportError(file, 'empty', 'is empty');
  const format: ImportFormat = claimed === 'markdown' ? 'markdown' : claimed === 'html' || looksLikeHtml(text) ? 'html' : 'text';
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'html') {
    const { readHtml } = await import('./html');
    return recoverStructure(readHtml(clean), opts);
  }
  if (format === 'markdown') {
    // The HTML reader for raw HTML blocks and YAML for front matter only where needed: a policy exported as Markdown
    // needs neither.
    const { markdownTree, rawOfMarkdown, readersNeeded } = await import('./markdown-read');
    const tree = markdownTree(clean, file);
    const needed = readersNeeded(tree);
    const [html, yaml] = await Promise.all([needed.html ? import('./html') : undefined, needed.yaml ? loadYaml() : undefined]);
    return recoverStructure(rawOfMarkdown(tree, file, { readHtmlFragment: html?.readHtmlFragment, yaml }), opts);
  }
  return recoverStructure(readPlainText(clean), opts);
}

/**
 * The YAML library, loaded when front matter needs it. It is CommonJS: a bundle that splits it into a chunk of its own
 * (the command line's) hands over its exports as one object under `default`.
 */
async function loadYaml(): Promise<typeof Yaml> {
  const loaded = (await import('yaml')) as typeof Yaml & { default?: typeof Yaml };
  return typeof loaded.parse === 'function' ? loaded : (loaded.default as typeof Yaml);
}
