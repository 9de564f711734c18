import { strToU8, zipSync } from 'fflate';

/**
 * Hand-made Word files with tracked changes and comments, written as Word writes them, for the DOCX import's review
 * tests: `reviewDocx(body, { comments, extended })` where body is the inside of <w:body> and the comment parts the
 * inside of <w:comments> and <w15:commentsEx>.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const STYLES = `${HEAD}<w:styles ${W}>${[1, 2]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`)
  .join('')}</w:styles>`;
const DOCUMENT_RELS = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

export function reviewDocx(body: string, parts: { comments?: string; extended?: string; lastModifiedBy?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/styles.xml': strToU8(STYLES),
    'word/document.xml': strToU8(`${HEAD}<w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (parts.lastModifiedBy !== undefined) {
    files['docProps/core.xml'] = strToU8(
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Policywright</dc:creator><cp:lastModifiedBy>${parts.lastModifiedBy}</cp:lastModifiedBy></cp:coreProperties>`,
    );
  }
  if (parts.comments !== undefined) files['word/comments.xml'] = strToU8(`${HEAD}<w:comments ${W}>${parts.comments}</w:comments>`);
  if (parts.extended !== undefined) files['word/commentsExtended.xml'] = strToU8(`${HEAD}<w15:commentsEx ${W}>${parts.extended}</w15:commentsEx>`);
  return zipSync(files);
}

/** A paragraph of Word XML: `style` a paragraph style id ("Heading1"), `mark` what goes in its paragraph mark's w:rPr. */
export const wp = (content: string, style = '', mark = ''): string =>
  `<w:p>${style || mark ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${mark ? `<w:rPr>${mark}</w:rPr>` : ''}</w:pPr>` : ''}${content}</w:p>`;

/** A run of text, with `props` inside its w:rPr. */
export const wr = (text: string, props = ''): string => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** A run of deleted text. */
export const wdelr = (text: string): string => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;

export const revision = (kind: 'ins' | 'del' | 'moveFrom' | 'moveTo', id: number, author: string, date: string, content: string): string =>
  `<w:${kind} w:id="${id}" w:author="${author}" w:date="${date}">${content}</w:${kind}>`;

/**
 * A generated Word file (generated-docx.ts) as a reviewer returns it: every bold run a tracked insertion, every tenth
 * paragraph's text under a comment. The DOCX import's bench reads it beside the untracked file.
 */
export async function withReview(bytes: Uint8Array): Promise<{ bytes: Uint8Array; insertions: number }> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  let insertions = 0;
  let paragraphs = 0;
  let comments = '';
  const marked = xml
    .replace(/<w:r>(<w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>[^<]*<\/w:t><\/w:r>)/g, (all) => {
      insertions++;
      return revision('ins', insertions, 'Bench Reviewer', '2026-01-01T00:00:00Z', all);
    })
    .replace(/(<w:p>(?:<w:pPr>[\s\S]*?<\/w:pPr>)?)([\s\S]*?)(<\/w:p>)/g, (all, start: string, content: string, end: string) => {
      if (paragraphs++ % 10 !== 0) return all;
      const id = paragraphs;
      comments += `<w:comment w:id="${id}" w:author="Bench Reviewer" w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment>`;
      return `${start}<w:commentRangeStart w:id="${id}"/>${content}<w:commentRangeEnd w:id="${id}"/>${end}`;
    });
  zip.file('word/document.xml', marked);
  zip.file('word/comments.xml', `${HEAD}<w:comments ${W}>${comments}</w:comments>`);
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), insertions };
}
