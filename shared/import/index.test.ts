import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema } from '../model/document';
import { IMPORT_EXTENSIONS, ImportError, importDocument } from './index';
import { allRuns } from '../model/block-runs';
import type { Block } from '../model/document';

/** A block's runs, whatever its kind (a table's caption and cells in reading order). */
const runsOf = (block: Block | undefined) => (block ? allRuns(block) : undefined);

const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

async function importError(name: string, data: Uint8Array): Promise<ImportError> {
  try {
    await importDocument(name, data);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('the import succeeded');
}

describe('importDocument', () => {
  it('chooses the reader by extension', async () => {
    const md = await importDocument('policy.md', bytes('---\ntitle: From Markdown\n---\n\n## Scope\n\nAll.\n'));
    expect([md.title, md.blocks[0]?.kind]).toEqual(['From Markdown', 'heading']);
    const markdown = await importDocument('policy.MARKDOWN', bytes('# Title\n\n**bold**'));
    expect(runsOf(markdown.blocks[0])).toEqual([{ text: 'bold', marks: ['bold'] }]);
    const html = await importDocument('page.htm', bytes('<h1>From HTML</h1><p>Hi.</p>'));
    expect(html.title).toBe('From HTML');
    const txt = await importDocument('notes.txt', bytes('From Text\n1. Scope\nAll.'));
    expect([txt.title, txt.blocks[0]?.kind]).toEqual(['From Text', 'heading']);
    const docx = await importDocument('run-in.docx', fixture('run-in.docx'));
    expect(docx.title).toBe('Terms of Service');
    for (const doc of [md, markdown, html, txt, docx]) expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
    expect(IMPORT_EXTENSIONS).toContain('.docx');
  });

  it('sniffs content where the extension lies', async () => {
    // a Word document named .txt is read as a Word document
    expect((await importDocument('policy.txt', fixture('run-in.docx'))).title).toBe('Terms of Service');
    // an HTML page saved as .txt is read as HTML, not shown as markup
    const page = await importDocument('saved.txt', bytes('<!DOCTYPE html><html><body><h1>Saved Page</h1><p>Text <script>x()</script>here.</p></body></html>'));
    expect(page.title).toBe('Saved Page');
    expect(page.blocks.map((b) => allRuns(b).map((r) => r.text).join(''))).toEqual(['Text here.']);
    // no extension at all: plain text
    expect((await importDocument('README', bytes('Read Me\nSome words here.'))).title).toBe('Read Me');
  });

  it('refuses a .docx that is not a ZIP archive, naming the file', async () => {
    const error = await importError('contract.docx', bytes('Just some text, really.'));
    expect([error.code, error.message]).toEqual(['not-docx', 'contract.docx is not a Word document: a .docx file is a ZIP archive and this file is not one.']);
  });

  it('refuses a ZIP archive that is no Word document, whatever its name', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    expect((await importError('archive.txt', zip)).message).toBe('archive.txt is a ZIP archive but not a Word document (it has no word/document.xml).');
  });

  it('refuses empty files, binary garbage and formats it does not read, each in one sentence', async () => {
    expect((await importError('empty.md', new Uint8Array(0))).message).toBe('empty.md is empty.');
    expect((await importError('blank.html', bytes(' \n '))).message).toBe('blank.html is empty.');
    const garbage = new Uint8Array(2048).map((_, i) => (i * 73 + 11) % 256);
    expect((await importError('garbage.docx', garbage)).code).toBe('not-docx');
    expect((await importError('garbage.html', garbage)).message).toBe('garbage.html does not contain text: it looks like a binary file, not an HTML file.');
    expect((await importError('scan.pdf', bytes('%PDF-1.4'))).code).toBe('unsupported');
    for (const error of [await importError('x.docx', garbage), await importError('y.md', new Uint8Array(0))]) {
      expect(error.message.split(/[.;:] /).length).toBeLessThanOrEqual(3); // one sentence
      expect(error.message.endsWith('.')).toBe(true);
    }
  });
});
