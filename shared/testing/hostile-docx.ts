import { strToU8, zipSync, type Zippable } from 'fflate';
import { seeded } from './seeded-random';

/**
 * Hostile Word files, made in the test rather than kept as binaries: ZIP bombs, zip-slip and prototype entry names,
 * XML entity attacks, deep nesting, relationships that point at local files and devices, disguised and truncated
 * files. `canary` is a file outside the input that several of them name: reading it is the failure to look for.
 */
export interface HostileFile {
  readonly name: string;
  readonly what: string;
  readonly bytes: Uint8Array;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:xi="http://www.w3.org/2001/XInclude"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const picture = (attribute: 'r:embed' | 'r:link', id: string) =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip ${attribute}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

function documentXml(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${NS}><w:body>${body}</w:body></w:document>`;
}

function rels(relationships: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`;
}

/** A minimal Word document; `parts` replaces or adds entries. */
export function wordFile(body: string, parts: Zippable = {}, documentRels = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(documentXml(body)),
    'word/_rels/document.xml.rels': strToU8(rels(documentRels)),
    ...parts,
  });
}

/** Bytes that do not compress, the same for the same seed. */
export function noise(length: number, seed: number): Uint8Array {
  const random = seeded(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** Rewrites the sizes an archive's central directory declares for one entry: a forged, lying archive. */
function forgeSizes(zip: Uint8Array, name: string, uncompressed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const entry = out.subarray(i + 46, i + 46 + view.getUint16(i + 28, true));
    if (entry.length === target.length && entry.every((b, k) => b === target[k])) {
      view.setUint32(i + 24, uncompressed, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

/** Renames an entry in both its local header and the central directory (fflate will not write such names itself). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('a rename must keep the length');
  const out = zip.slice();
  const source = strToU8(from);
  const target = strToU8(to);
  for (let i = 0; i + source.length <= out.length; i++) {
    if (source.every((b, k) => out[i + k] === b)) out.set(target, i);
  }
  return out;
}

function billionLaughs(levels: number): string {
  let dtd = '<!DOCTYPE w:document [<!ENTITY lol0 "lollollollollollollollollollol">';
  for (let i = 1; i <= levels; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `${dtd}]>`;
}

export function hostileFiles(canary: string): HostileFile[] {
  const canaryUrl = `file://${canary}`;
  const files: HostileFile[] = [];
  const add = (name: string, what: string, bytes: Uint8Array) => files.push({ name, what, bytes });

  // ZIP bombs
  add('bomb-ratio.docx', 'one entry of 64 MB of zeros (about 1000:1)', wordFile(para('Hello'), { 'word/bomb.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] }));
  let declared = wordFile(para('Hello'), Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`word/part${i}.bin`, noise(1024 * 1024, i + 1)])));
  for (let i = 0; i < 5; i++) declared = forgeSizes(declared, `word/part${i}.bin`, 50 * 1024 * 1024);
  add('bomb-declared.docx', 'entries declaring 250 MB in all', declared);
  add('bomb-liar.docx', 'an entry declared 900 KB that inflates to 30 MB', forgeSizes(wordFile(para('Hello'), { 'word/liar.xml': [new Uint8Array(30 * 1024 * 1024), { level: 9 }] }), 'word/liar.xml', 900 * 1024));
  add('bomb-document-liar.docx', 'word/document.xml itself declared small, inflating to 40 MB', forgeSizes(
    zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'word/document.xml': [strToU8(documentXml(para('x'.repeat(40 * 1024 * 1024)))), { level: 9 }],
    }),
    'word/document.xml',
    4096,
  ));
  const many: Zippable = {};
  for (let i = 0; i <= 10_000; i++) many[`word/n${i}.xml`] = [strToU8('<x/>'), { level: 0 }];
  add('many-entries.docx', '10,001 entries', wordFile(para('Hello'), many));
  const inner = wordFile(para('Inner'), { 'word/bomb.xml': [new Uint8Array(16 * 1024 * 1024), { level: 9 }] });
  add('nested-zip.docx', 'a bomb inside an embedded .docx, three levels deep', wordFile(para('Outer text'), {
    'word/embeddings/inner.docx': [zipSync({ 'inner.docx': [zipSync({ 'inner.docx': [inner, { level: 0 }] }), { level: 0 }] }), { level: 0 }],
  }));

  // Entry names
  for (const [name, entry] of [
    ['slip-parent.docx', '../../x'],
    ['slip-deep.docx', 'word/../../../../tmp/x'],
    ['slip-backslash.docx', '..\\..\\x'],
    ['slip-absolute.docx', '/etc/passwd'],
    ['slip-drive.docx', 'C:/Windows/x'],
    ['proto.docx', '__proto__'],
    ['proto-nested.docx', 'word/__proto__/x.xml'],
    ['constructor.docx', 'constructor'],
    ['prototype.docx', 'word/prototype'],
  ] as const) {
    // Written under a stand-in name of the same length, then renamed in the bytes: fflate's own object of entries
    // cannot hold "__proto__" or "constructor", which is the point of the names.
    const standIn = `word/${'q'.repeat(entry.length - 5)}`.slice(0, entry.length);
    add(name, `an entry named ${JSON.stringify(entry)}`, renameEntry(wordFile(para('Hello'), { [standIn]: [strToU8('<x/>'), { level: 0 }] }), standIn, entry));
  }
  add('duplicate-entry.docx', 'word/document.xml twice, the second one hostile', renameEntry(wordFile(para('First'), { 'word/documenX.xml': strToU8(documentXml(para('Second'))) }), 'word/documenX.xml', 'word/document.xml'));
  add('control-name.docx', 'an entry name with a control character', renameEntry(wordFile(para('Hello'), { 'word/aXb.xml': strToU8('<x/>') }), 'word/aXb.xml', 'word/a\u0001b.xml'));

  // XML
  add('billion-laughs.docx', 'a billion-laughs entity expansion in word/document.xml', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('&lol9;'), billionLaughs(9))),
  }));
  add('quadratic-blowup.docx', 'one 100 KB entity used 10,000 times', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('&big;'.repeat(10_000)), `<!DOCTYPE w:document [<!ENTITY big "${'x'.repeat(100_000)}">]>`)),
  }));
  add('external-entity.docx', 'an external entity naming /etc/passwd', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('before &xxe; after'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
  }));
  add('external-entity-canary.docx', 'an external entity naming the canary', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('before &xxe; after'), `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "${canaryUrl}">]>`)),
  }));
  add('parameter-entity.docx', 'a parameter entity loading an external DTD', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('Hello'), `<!DOCTYPE w:document [<!ENTITY % dtd SYSTEM "${canaryUrl}"> %dtd;]>`)),
  }));
  add('external-dtd.docx', 'a DOCTYPE with an external DTD', wordFile('', {
    'word/document.xml': strToU8(documentXml(para('Hello'), `<!DOCTYPE w:document SYSTEM "${canaryUrl}">`)),
  }));
  add('xinclude.docx', 'an XInclude of the canary', wordFile(`<w:p><w:r><w:t><xi:include href="${canaryUrl}" parse="text"/></w:t></w:r></w:p>`));
  add('entity-in-styles.docx', 'an external entity in styles.xml', wordFile(para('Hello'), {
    'word/styles.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "${canaryUrl}">]><w:styles ${NS}><w:style w:type="paragraph" w:styleId="x"><w:name w:val="&xxe;"/></w:style></w:styles>`),
  }));
  add('entity-in-core.docx', 'an external entity in the document properties', wordFile(para('Hello'), {
    'docProps/core.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY xxe SYSTEM "${canaryUrl}">]><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>`),
  }));
  add('deep-elements.docx', '100,000 nested elements', wordFile(`<w:p>${'<w:r>'.repeat(100_000)}<w:t>deep</w:t>${'</w:r>'.repeat(100_000)}</w:p>${para('Hello')}`));
  add('deep-tables.docx', '5,000 nested tables', wordFile(`${'<w:tbl><w:tr><w:tc>'.repeat(5_000)}${para('cell')}${'</w:tc></w:tr></w:tbl>'.repeat(5_000)}${para('Hello')}`));
  add('deep-lists.docx', '2,000 nested content controls', wordFile(`${'<w:sdt><w:sdtContent>'.repeat(2_000)}${para('inside')}${'</w:sdtContent></w:sdt>'.repeat(2_000)}`));

  // Relationships to the outside
  const external = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}" TargetMode="External"/>`;
  add('image-etc-passwd.docx', 'a linked image at file:///etc/passwd', wordFile(para('Hello') + picture('r:link', 'rId9'), {}, external('rId9', 'image', 'file:///etc/passwd')));
  add('image-dev-zero.docx', 'a linked image at /dev/zero', wordFile(para('Hello') + picture('r:link', 'rId9'), {}, external('rId9', 'image', '/dev/zero')));
  add('image-dev-zero-url.docx', 'a linked image at file:///dev/zero', wordFile(para('Hello') + picture('r:link', 'rId9'), {}, external('rId9', 'image', 'file:///dev/zero')));
  add('image-canary.docx', 'a linked image at the canary', wordFile(para('Hello') + picture('r:link', 'rId9'), {}, external('rId9', 'image', canaryUrl)));
  add('image-canary-embed.docx', 'an embedded image whose relationship is external (the canary)', wordFile(para('Hello') + picture('r:embed', 'rId9'), {}, external('rId9', 'image', canary)));
  add('image-internal-traversal.docx', 'an embedded image whose target climbs out of the archive', wordFile(para('Hello') + picture('r:embed', 'rId9'), {}, `<Relationship Id="rId9" Type="${REL}/image" Target="../../../../../..${canary}"/>`));
  add('image-smb.docx', 'a linked image on a network share', wordFile(para('Hello') + picture('r:link', 'rId9'), {}, external('rId9', 'image', '\\\\evil.test\\share\\x.png')));
  add('vml-image.docx', 'a VML image linked to the canary', wordFile(`${para('Hello')}<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId9" o:title=""/></v:shape></w:pict></w:r></w:p>`, {}, external('rId9', 'image', canaryUrl)));
  add('hyperlink-file.docx', 'a hyperlink to the canary', wordFile(`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>open me</w:t></w:r></w:hyperlink></w:p>`, {}, external('rId9', 'hyperlink', canaryUrl)));
  add('altchunk.docx', 'an external alternative-format chunk (the canary)', wordFile(`${para('Hello')}<w:altChunk r:id="rId9"/>`, {}, external('rId9', 'aFChunk', canaryUrl)));
  add('subdocument.docx', 'a master document naming the canary as a subdocument', wordFile(`${para('Hello')}<w:subDoc r:id="rId9"/>`, {}, external('rId9', 'subDocument', canaryUrl)));
  add('remote-template.docx', 'an attached template at the canary (the Follina delivery route)', wordFile(para('Hello'), {
    'word/settings.xml': strToU8(`<?xml version="1.0"?><w:settings ${NS}><w:attachedTemplate r:id="rId1"/></w:settings>`),
    'word/_rels/settings.xml.rels': strToU8(rels(external('rId1', 'attachedTemplate', canaryUrl))),
  }));
  add('ole-object.docx', 'a linked OLE object at the canary', wordFile(`${para('Hello')}<w:p><w:r><w:object><o:OLEObject Type="Link" r:id="rId9" ProgID="Word.Document"/></w:object></w:r></w:p>`, {}, external('rId9', 'oleObject', canaryUrl)));
  add('document-external.docx', 'the main document part itself outside the archive', zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(rels(external('rId1', 'officeDocument', canaryUrl))),
    'word/document.xml': strToU8(documentXml(para('Decoy'))),
  }));
  add('styles-external.docx', 'styles taken from the canary', wordFile(para('Hello'), {}, external('rId9', 'styles', canaryUrl)));

  // Disguised and broken files
  add('png.docx', 'a PNG image named .docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2000, 7)]));
  add('elf.docx', 'an ELF executable named .docx', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...noise(4000, 8)]));
  add('pdf.docx', 'a PDF named .docx', strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
  add('ole.docx', 'an old .doc (OLE) named .docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(4000, 9)]));
  add('empty.docx', 'an empty file', new Uint8Array(0));
  add('zip-magic-only.docx', 'the ZIP signature and nothing else', new Uint8Array([0x50, 0x4b, 3, 4]));
  add('zip-garbage.docx', 'the ZIP signature followed by noise', new Uint8Array([0x50, 0x4b, 3, 4, ...noise(8000, 10)]));
  const whole = wordFile(`${para('A complete paragraph.')}${para('Another one.')}`);
  add('truncated-half.docx', 'a Word file cut in half', whole.slice(0, Math.floor(whole.length / 2)));
  add('truncated-directory.docx', 'a Word file cut inside its central directory', whole.slice(0, whole.length - 30));
  add('truncated-end.docx', 'a Word file without its end-of-directory record', whole.slice(0, whole.length - 22));
  add('xlsx.docx', 'a workbook named .docx', zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>') }));
  add('stored-method-99.docx', 'an entry with an unknown (encryption) compression method', (() => {
    const zip = wordFile(para('Hello'));
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 < zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 10, 99, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint16(i + 8, 99, true);
    }
    return zip;
  })());
  return files;
}
