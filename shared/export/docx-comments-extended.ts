import JSZip from 'jszip';

const EXTENDED_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml';
const EXTENDED_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended';

/**
 * The package with word/commentsExtended.xml added, marking done the comments `done` says (one flag per comment, in
 * the order of comments.xml). The `docx` library writes that part only for documents with replies, so a resolved
 * comment in a document without any reply would otherwise open in Word as open. Each comment's last paragraph must
 * carry its w14:paraId (the library writes those when comments carry durable ids): the part names comments by them.
 */
export async function withResolvedComments(bytes: Uint8Array, done: readonly boolean[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`The DOCX package has no ${name}.`);
    return file.async('string');
  };
  const comments = await read('word/comments.xml');
  const paraIds = [...comments.matchAll(/<w:comment [^>]*>(.*?)<\/w:comment>/g)].map((m) => [...(m[1] ?? '').matchAll(/w14:paraId="([0-9A-F]{8})"/g)].at(-1)?.[1]);
  const entries = paraIds.map((paraId, i) => {
    if (paraId === undefined) throw new Error('A comment has no paragraph id to mark it resolved by.');
    return `<w15:commentEx w15:paraId="${paraId}"${done[i] ? ' w15:done="1"' : ''}/>`;
  });
  zip.file(
    'word/commentsExtended.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
      `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">${entries.join('')}</w15:commentsEx>`,
  );
  const relationships = await read('word/_rels/document.xml.rels');
  zip.file(
    'word/_rels/document.xml.rels',
    relationships.replace('</Relationships>', `<Relationship Id="rIdCommentsExtended" Type="${EXTENDED_RELATIONSHIP}" Target="commentsExtended.xml"/></Relationships>`),
  );
  const types = await read('[Content_Types].xml');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override ContentType="${EXTENDED_TYPE}" PartName="/word/commentsExtended.xml"/></Types>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
