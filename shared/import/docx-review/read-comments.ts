import { decodeEntities } from './mark-document';

/** One Word comment as comments.xml and commentsExtended.xml hold it. */
export interface WordComment {
  readonly wordId: string;
  readonly author: string;
  readonly initials: string;
  readonly date: string;
  readonly text: string;
  /** The Word id of the comment this one answers (commentsExtended.xml w15:paraIdParent). */
  readonly parent?: string;
  /** Marked done in Word (w15:done="1"). */
  readonly done: boolean;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) map.set(m[1] as string, decodeEntities(m[2] ?? m[3] ?? ''));
  return map;
}

/**
 * The comments of word/comments.xml, in order, with their replies and done state from word/commentsExtended.xml
 * (Word 2013 on): a comment's last paragraph has a w14:paraId, and commentsExtended says which paraId it answers and
 * whether it is done. A paragraph's text is its w:t text, tabs and breaks as spaces; paragraphs join with a line break.
 */
export function readComments(commentsXml: string, extendedXml: string | undefined): WordComment[] {
  const extended = new Map<string, { parent?: string; done: boolean }>();
  for (const m of (extendedXml ?? '').matchAll(/<w15:commentEx\b[^>]*>/g)) {
    const attrs = attributes(m[0]);
    const paraId = attrs.get('w15:paraId');
    if (!paraId) continue;
    extended.set(paraId.toUpperCase(), { parent: attrs.get('w15:paraIdParent')?.toUpperCase(), done: attrs.get('w15:done') === '1' });
  }
  const raw: Array<Omit<WordComment, 'parent' | 'done'> & { paraId?: string }> = [];
  for (const m of commentsXml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const attrs = attributes(`<x ${m[1] ?? ''}>`);
    const body = m[2] ?? '';
    const paragraphs: string[] = [];
    let paraId: string | undefined;
    for (const p of body.matchAll(/<w:p\b([^>]*)>([\s\S]*?)<\/w:p>|<w:p\b([^>]*)\/>/g)) {
      const pAttrs = attributes(`<x ${p[1] ?? p[3] ?? ''}>`);
      paraId = pAttrs.get('w14:paraId')?.toUpperCase() ?? paraId;
      paragraphs.push(paragraphText(p[2] ?? ''));
    }
    raw.push({
      wordId: attrs.get('w:id') ?? '',
      author: attrs.get('w:author') ?? '',
      initials: attrs.get('w:initials') ?? '',
      date: attrs.get('w:date') ?? '',
      text: paragraphs.join('\n').trim(),
      paraId,
    });
  }
  const byParaId = new Map(raw.flatMap((c) => (c.paraId ? [[c.paraId, c.wordId] as const] : [])));
  return raw.map(({ paraId, ...comment }) => {
    const info = paraId ? extended.get(paraId) : undefined;
    const parent = info?.parent ? byParaId.get(info.parent) : undefined;
    return { ...comment, done: info?.done ?? false, ...(parent !== undefined && parent !== comment.wordId ? { parent } : {}) };
  });
}

function paragraphText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>/g)) text += m[1] !== undefined ? decodeEntities(m[1]) : ' ';
  return text;
}
