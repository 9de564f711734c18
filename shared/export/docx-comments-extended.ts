import { strFromU8, strToU8 } from 'fflate';

const EXTENDED_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml';
const EXTENDED_RELATIONSHIP = 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended';

/**
 * The package's parts with word/commentsExtended.xml added, marking done the comments `done` says (one flag per
 * comment, in the order of comments.xml). The `docx` library writes that part only for documents with replies, so a
 * resolved comment in a document without any reply would otherwise open in Word as open. Each comment's last paragraph
 * must carry its w14:paraId (the library writes those when comments carry durable ids): the part names comments by them.
 */
export function addResolvedComments(files: Record<string, Uint8Array>, done: readonly boolean[]): void {
  const read = (name: string): string => {
    const file = files[name];
    if (!file) throw new Error(`The DOCX package has no ${name}.`);
    return strFromU8(file);
  };
  const comments = read('word/comments.xml');
  const paraIds = [...comments.matchAll(/<w:comment [^>]*>(.*?)<\/w:comment>/g)].map((m) => [...(m[1] ?? '').matchAll(/w14:paraId="([0-9A-F]{8})"/g)].at(-1)?.[1]);
  const entries = paraIds.map((paraId, i) => {
    if (paraId === undefined) throw new Error('A comment has no paragraph id to mark it resolved by.');
    return `<w15:commentEx w15:paraId="${paraId}"${done[i] ? ' w15:done="1"' : ''}/>`;
  });
  files['word/commentsExtended.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w15:commentsEx xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
      `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">${entries.join('')}</w15:commentsEx>`,
  );
  files['word/_rels/document.xml.rels'] = strToU8(
    read('word/_rels/document.xml.rels').replace(
      '</Relationships>',
      `<Relationship Id="rIdCommentsExtended" Type="${EXTENDED_RELATIONSHIP}" Target="commentsExtended.xml"/></Relationships>`,
    ),
  );
  files['[Content_Types].xml'] = strToU8(
    read('[Content_Types].xml').replace('</Types>', `<Override ContentType="${EXTENDED_TYPE}" PartName="/word/commentsExtended.xml"/></Types>`),
  );
}
