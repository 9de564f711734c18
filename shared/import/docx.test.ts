import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { importDocx } from './docx';
import { ImportError } from './errors';
import { ZIP_LIMITS } from './zip';
import { WORDS_PER_SECTION, generatedDocx } from '../testing/generated-docx';
import { plain, sketch } from '../testing/sketch';
import { noise } from '../testing/hostile-docx';
import { allRuns } from '../model/block-runs';
import type { Block } from '../model/document';

/** A block's runs, whatever its kind (a table's caption and cells in reading order). */
const runsOf = (block: Block | undefined) => (block ? allRuns(block) : undefined);

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));


async function docx(bytes: Uint8Array, fileName = 'policy.docx'): Promise<PolicyDocument> {
  const doc = await importDocx(bytes, { fileName });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

/** The ImportError an import fails with (the test fails if it succeeds or throws anything else). */
async function failure(bytes: Uint8Array, fileName = 'policy.docx'): Promise<ImportError> {
  try {
    await importDocx(bytes, { fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('the import succeeded');
}

// A minimal WordprocessingML package, for shapes the generators do not make (and for forging archives).
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

function para(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function image(relationship: 'r:embed' | 'r:link', id: string): string {
  return `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture" descr="a picture"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip ${relationship}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

function handMade(body: string, extra: Zippable = {}, documentRels = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels}</Relationships>`,
    ),
    ...extra,
  });
}

/** Rewrites the sizes an archive's central directory declares for one entry (a forged, lying archive). */
function forgeSizes(zip: Uint8Array, name: string, sizes: { compressed?: number; uncompressed: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const entry = out.subarray(i + 46, i + 46 + nameLength);
    if (entry.length === target.length && entry.every((b, k) => b === target[k])) {
      if (sizes.compressed !== undefined) view.setUint32(i + 20, sizes.compressed, true);
      view.setUint32(i + 24, sizes.uncompressed, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('DOCX from Word-style documents', () => {
  it('Heading 1–3 styles (pandoc): levels from the styles, Title style as the title, lists and links kept', async () => {
    const doc = await docx(fixture('heading-styles.docx'), 'heading-styles.docx');
    expect([doc.title, doc.effectiveDate, doc.numbering]).toEqual(['Acceptable Use Policy', '2024-03-01', 'decimal']);
    expect(sketch(doc)).toEqual([
      '¶ This policy applies to everyone who uses our systems.',
      'H1 Scope',
      '¶ These rules cover all company systems.',
      'H2 Who Is Covered',
      '¶ Employees, contractors and visitors.',
      'H3 Contractors',
      '¶ Contractors sign this policy before access is granted.',
      'H1 Rules',
      '¶ You must follow these rules:',
      '• Keep passwords secret.',
      '• Lock your screen.',
      '# Report incidents at once.',
      '# Do not install unapproved software.',
      'H2 Enforcement',
      '¶ Breaches may lead to disciplinary action.',
    ]);
    expect(runsOf(doc.blocks.at(-1))?.find((r) => r.link)?.link).toBe('https://example.com/hr');
  });

  it('headings numbered by Word lists (numbers lost by mammoth): levels recovered from Heading N, lists stay lists', async () => {
    const doc = await docx(fixture('numbered-headings.docx'), 'numbered-headings.docx');
    expect([doc.title, doc.lastUpdated]).toEqual(['Data Retention Policy', '2026-02-02']);
    expect(sketch(doc)).toEqual([
      '¶ This policy sets how long we keep records.',
      'H1 Purpose',
      '¶ We keep data only as long as we need it.',
      'H2 Legal Basis',
      '¶ Retention follows the law of each country.',
      'H3 Tax Records',
      '¶ Tax records are kept for seven years.',
      'H1 Deletion',
      '# Records are deleted at the end of their period.',
      '# Backups expire within ninety days.',
      '• Paper records are shredded.',
      '  • By an approved contractor.',
    ]);
  });

  it('bold, list-numbered paragraphs without heading styles: headings at their list level', async () => {
    const doc = await docx(fixture('list-numbered-bold.docx'), 'list-numbered-bold.docx');
    expect([doc.title, doc.effectiveDate]).toEqual(['COOKIE POLICY', '2023-10-26']);
    expect(sketch(doc)).toEqual([
      'H1 What Cookies Are',
      '¶ Cookies are small files stored by your browser.',
      'H2 Essential Cookies',
      '¶ They keep you signed in.',
      'H2 Analytics Cookies',
      '¶ They count visits, with your consent.',
      'H1 Your Choices',
      '¶ You can refuse cookies in your browser settings.',
    ]);
  });

  it('typed numbers with bold run-in headings', async () => {
    const doc = await docx(fixture('run-in.docx'), 'run-in.docx');
    expect([doc.title, doc.effectiveDate]).toEqual(['Terms of Service', '2025-01-05']);
    expect(sketch(doc)).toEqual([
      'H1 Acceptance of Terms',
      '¶ By using the service you agree to these terms.',
      'H1 Accounts',
      '¶ You are responsible for your account.',
      'H2 Security',
      '¶ keep your password safe.',
      'H1 Questions; Contacting Us',
      '¶ If you have any questions, write to legal@example.com',
    ]);
  });

  it('a document written by LibreOffice: typed numbers in Heading styles set the levels', async () => {
    const doc = await docx(fixture('libreoffice.docx'), 'libreoffice.docx');
    expect([doc.title, doc.lastUpdated]).toEqual(['Children’s Privacy Notice', '2025-03-14']);
    expect(sketch(doc)).toEqual([
      'H1 Who This Notice Is For',
      '¶ This notice explains how we handle information about children under 13.',
      'H2 Parents and Guardians',
      '¶ A parent or guardian must agree before a child uses the service.',
      'H1 What We Collect',
      '• A first name',
      '• A parent’s email address',
      'H1 Contact',
      '¶ Write to kids@example.com.',
    ]);
  });

  it('takes the title from the document properties when the text has none', async () => {
    const core = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Terms &amp; Conditions</dc:title></cp:coreProperties>`;
    const doc = await docx(handMade(para('we agree to all of it, and to every part of it, in full.'), { 'docProps/core.xml': strToU8(core) }), 'untitled.docx');
    expect(doc.title).toBe('Terms & Conditions');
  });

  it('keeps bold, italic and underline; drops images without reading them, linked ones included', async () => {
    const started = performance.now();
    const doc = await docx(
      handMade(
        `${para('Image Policy')}<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>italic</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>underlined</w:t></w:r></w:p>` +
          `${image('r:embed', 'rIdImg')}${image('r:link', 'rIdZero')}${image('r:link', 'rIdPasswd')}${para('After the images.')}`,
        { 'word/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
        '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>' +
          '<Relationship Id="rIdZero" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///dev/zero" TargetMode="External"/>' +
          '<Relationship Id="rIdPasswd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>',
      ),
    );
    expect(performance.now() - started).toBeLessThan(5000); // reading /dev/zero would never end
    expect(doc.title).toBe('Image Policy');
    expect(doc.blocks.map(plain)).toEqual(['bold and italic and underlined', 'After the images.']);
    expect(runsOf(doc.blocks[0])?.map((r) => r.marks)).toEqual([['bold'], undefined, ['italic'], undefined, ['underline']]);
    expect(JSON.stringify(doc)).not.toMatch(/root:|data:image|passwd/);
  });
});

describe('DOCX safety: one clear ImportError, never a crash', () => {
  it('an empty file', async () => {
    const error = await failure(new Uint8Array(0), 'empty.docx');
    expect([error.code, error.message]).toEqual(['empty', 'empty.docx is empty.']);
  });

  it('binary garbage named .docx', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const error = await failure(garbage, 'garbage.docx');
    expect(error.code).toBe('not-docx');
    expect(error.message).toBe('garbage.docx is not a Word document: a .docx file is a ZIP archive and this file is not one.');
  });

  it('a ZIP signature followed by garbage', async () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i < 4 ? [0x50, 0x4b, 3, 4][i] ?? 0 : (i * 31) % 256));
    const error = await failure(bytes, 'broken.docx');
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^broken\.docx is a damaged ZIP archive/);
  });

  it('a truncated Word document', async () => {
    const whole = fixture('run-in.docx');
    const error = await failure(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.docx');
    expect(['corrupt', 'unsafe-zip']).toContain(error.code);
  });

  it('an old .doc (OLE) file, a PDF, an OpenDocument and an Excel file', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(ole, 'old.docx')).message).toMatch(/^old\.docx is an old-format Word \(\.doc\) file or a password-protected document/);
    expect((await failure(strToU8('%PDF-1.7\n...'), 'p.docx')).code).toBe('unsupported');
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') });
    expect((await failure(odt, 'o.docx')).message).toBe('o.docx is an OpenDocument file, not a Word document; save it as .docx and import that.');
    const xlsx = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<x/>') });
    expect((await failure(xlsx, 'x.docx')).message).toBe('x.docx is an Excel workbook, not a Word document.');
    const other = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await failure(other, 'z.docx')).message).toBe('z.docx is a ZIP archive but not a Word document (it has no word/document.xml).');
  });

  it('a zip bomb: one highly compressible entry', async () => {
    // 64 MB of zeros compresses to about 64 KB: over the 250:1 limit, refused before anything is inflated
    const bomb = handMade(para('Hello'), { 'word/bomb.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await failure(bomb, 'bomb.docx');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('unsafe-zip');
    expect(error.message).toMatch(/^bomb\.docx has an entry that expands \d+ times over, more than the 250 times a real document does \(it may be a ZIP bomb\)\.$/);
  });

  it('a zip bomb: entries whose declared sizes add up past the limit', async () => {
    // five incompressible 1 MB entries, each forged to declare 50 MB (a believable 50:1): 250 MB in all
    let zip = handMade(para('Hello'), Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`word/part${i}.bin`, noise(1024 * 1024, i + 1)])));
    for (let i = 0; i < 5; i++) zip = forgeSizes(zip, `word/part${i}.bin`, { uncompressed: 50 * 1024 * 1024 });
    const error = await failure(zip, 'big.docx');
    expect(error.code).toBe('unsafe-zip');
    expect(error.message).toBe(`big.docx would expand to more than 200 MB when unpacked, so it was not opened (it may be a ZIP bomb).`);
  });

  it('a zip bomb that lies: an entry declared small that inflates big is stopped while inflating', async () => {
    const zip = forgeSizes(handMade(para('Hello'), { 'word/liar.xml': [new Uint8Array(30 * 1024 * 1024), { level: 9 }] }), 'word/liar.xml', { uncompressed: 900 * 1024 });
    const started = performance.now();
    const error = await failure(zip, 'liar.docx');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('unsafe-zip');
    expect(error.message).toBe('liar.docx has an entry ("word/liar.xml") that expands past the size its ZIP directory declares (it may be a ZIP bomb).');
  });

  it('too many entries', async () => {
    const files: Zippable = {};
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) files[`word/n${i}.xml`] = [strToU8('<x/>'), { level: 0 }];
    const error = await failure(handMade(para('Hello'), files), 'many.docx');
    expect(error.message).toBe('many.docx has more than 10,000 entries in its ZIP archive, which no Word document needs.');
  });

  it('path traversal and absolute paths in entry names', async () => {
    expect((await failure(handMade(para('x'), { '../../evil.xml': strToU8('<x/>') }), 't.docx')).message).toBe(
      't.docx has an entry that points outside the archive ("../../evil.xml").',
    );
    expect((await failure(handMade(para('x'), { '/etc/passwd': strToU8('x') }), 'a.docx')).message).toBe('a.docx has an entry with an absolute path ("/etc/passwd") in its ZIP archive.');
    expect((await failure(handMade(para('x'), { 'word/__proto__': strToU8('x') }), 'p.docx')).code).toBe('unsafe-zip');
  });

  it('a huge file', async () => {
    const huge = new Uint8Array(ZIP_LIMITS.maxFileBytes + 1);
    huge.set([0x50, 0x4b, 3, 4]);
    const error = await failure(huge, 'huge.docx');
    expect([error.code, error.message]).toEqual(['too-large', 'huge.docx is 100 MB, more than the 100 MB a Word document may be.']);
  });

  it('a Word document with no text', async () => {
    const error = await failure(handMade(''), 'blank.docx');
    expect([error.code, error.message]).toEqual(['empty', 'blank.docx has no text to import.']);
  });

  it.each([
    ['a billion-laughs DOCTYPE', 'word/document.xml', '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'],
    ['an external entity', 'word/document.xml', '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
    ['an external DTD in the styles', 'word/styles.xml', '<!DOCTYPE w:styles SYSTEM "file:///etc/passwd">'],
    ['a DOCTYPE after a long comment', 'word/document.xml', `<!-- ${' '.repeat(100_000)} --><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>`],
  ])('%s: refused before any XML reader sees it', async (_what, part, doctype) => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>${doctype}<w:document ${NS}><w:body>${para('Hello &x;')}</w:body></w:document>`;
    const error = await failure(handMade(para('Hello'), { [part]: strToU8(xml) }), 'entities.docx');
    expect(error.code).toBe('unsafe-xml');
    expect(error.message).toMatch(/^entities\.docx has (a DOCTYPE in "word\/(document|styles)\.xml", which Word never writes \(it may be built to attack XML readers\)|more than 64 KB before the XML of "word\/document\.xml" begins, which no Word document has)\.$/);
  });

  it('content nested past what the reader can follow: one sentence in our words', async () => {
    const deep = `${'<w:tbl><w:tr><w:tc>'.repeat(5_000)}${para('cell')}${'</w:tc></w:tr></w:tbl>'.repeat(5_000)}`;
    const error = await failure(handMade(deep + para('Hello')), 'deep.docx');
    expect(error.message).toBe('deep.docx could not be read as a Word document (its content is nested more deeply than any Word document).');
  });

  it('malformed XML inside a valid archive', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
    const error = await failure(zip, 'bad-xml.docx');
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/^bad-xml\.docx could not be read as a Word document \(/);
  });
});

describe('DOCX import of a long generated document', () => {
  // How long the bench's 2,000 sections take is measured by docx-import.bench.test.ts (`npm run bench`).
  const SECTIONS = 200;

  it(`imports ${SECTIONS} numbered sections of prose, every section and word kept`, async () => {
    const doc = await importDocx(await generatedDocx(SECTIONS), { fileName: 'generated.docx' });
    const wordCount = doc.blocks.reduce((n, b) => n + plain(b).split(/\s+/).filter(Boolean).length, 0);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toHaveLength(SECTIONS);
    expect(wordCount).toBeGreaterThanOrEqual(SECTIONS * WORDS_PER_SECTION);
  });
});
