import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block } from '../../model/document';
import { runsToPlainText } from '../../model/text';
import { acceptAll, rejectAll } from '../../review/resolve';
import { seeded } from '../../testing/seeded-random';
import { revision, reviewDocx, wdelr, wp, wr } from '../../testing/review-docx';
import { importDocx } from '../docx';
import { allRuns } from '../../model/block-runs';

/*
 * Random Word files with tracked changes: paragraphs and headings whose runs are plain, inserted, deleted or
 * reformatted, some commented, some paragraphs inserted or deleted whole with their marks. Whatever the mix, the
 * import is a valid document, accepting all of it gives the text Word shows with all changes accepted, and rejecting
 * all of it the text Word shows with all rejected.
 */

const WORDS = ['data', 'notice', 'controller', 'rights', 'retention', 'consent', 'processor', 'access', 'security', 'transfer'];
type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);

interface Made {
  bytes: Uint8Array;
  accepted: string[];
  rejected: string[];
}

function randomDocx(rand: Rand): Made {
  let id = 100;
  const accepted: string[] = [];
  const rejected: string[] = [];
  let body = wp(wr('Returned Policy'), 'Title');
  let comments = '';
  let commentId = 0;
  const paragraphs = 2 + int(rand, 8);
  // Each paragraph's kind first: a paragraph mark may split or join two plain paragraphs (Enter typed inside one, or
  // the break between two deleted), which Word accepts and rejects by paragraphs.
  const heads = Array.from({ length: paragraphs }, (_, i) => i === 0 || rand() < 0.25);
  const wholes = heads.map((heading) => (heading ? 'none' : (['none', 'none', 'insert', 'delete'] as const)[int(rand, 4)]));
  const joins = heads.map((heading, i) => {
    const next = i + 1 < paragraphs && !heads[i + 1] && wholes[i + 1] === 'none';
    return !heading && wholes[i] === 'none' && next && rand() < 0.4 ? (rand() < 0.5 ? 'ins' : 'del') : undefined;
  });
  // the paragraph Word shows on each side, built up while a join carries it on
  let openAccepted: string | null = null;
  let openRejected: string | null = null;
  for (let i = 0; i < paragraphs; i++) {
    const heading = heads[i] as boolean;
    const whole = wholes[i] as 'none' | 'insert' | 'delete';
    const author = `Author ${int(rand, 3)}`;
    const date = `2026-0${1 + int(rand, 9)}-1${int(rand, 10)}T10:00:00${rand() < 0.5 ? 'Z' : ''}`;
    let content = '';
    let acc = '';
    let rej = '';
    const runs = heading ? 1 + int(rand, 2) : 1 + int(rand, 5);
    for (let r = 0; r < runs; r++) {
      const text = `${r > 0 ? ' ' : ''}${WORDS[int(rand, WORDS.length)]}${heading ? '' : ` ${WORDS[int(rand, WORDS.length)]}`}`;
      const kind = whole === 'insert' ? 'ins' : whole === 'delete' ? 'del' : (['plain', 'plain', 'ins', 'del', 'format'] as const)[int(rand, 5)];
      let run: string;
      if (kind === 'ins') run = revision('ins', id++, author, date, wr(text));
      else if (kind === 'del') run = revision('del', id++, author, date, wdelr(text));
      else if (kind === 'format') run = wr(text, `<w:i/><w:rPrChange w:id="${id++}" w:author="${author}" w:date="${date}"><w:rPr><w:b/></w:rPr></w:rPrChange>`);
      else run = wr(text);
      if (rand() < 0.15) {
        const c = commentId++;
        run = `<w:commentRangeStart w:id="${c}"/>${run}<w:commentRangeEnd w:id="${c}"/>`;
        comments += `<w:comment w:id="${c}" w:author="${author}" w:date="${date}"><w:p><w:r><w:t>Comment ${c}</w:t></w:r></w:p></w:comment>`;
      }
      content += run;
      if (kind !== 'del') acc += text;
      if (kind !== 'ins') rej += text;
    }
    const join = joins[i];
    const markKind = whole === 'insert' ? 'ins' : whole === 'delete' ? 'del' : join;
    const mark = markKind ? `<w:${markKind} w:id="${id++}" w:author="${author}" w:date="${date}"/>` : '';
    body += wp(content, heading ? 'Heading1' : '', mark);
    if (whole !== 'delete') {
      openAccepted = openAccepted === null ? acc : `${openAccepted} ${acc}`;
      // accepted, a deleted mark joins this paragraph to the next
      if (join !== 'del') {
        accepted.push(openAccepted);
        openAccepted = null;
      }
    }
    if (whole !== 'insert') {
      openRejected = openRejected === null ? rej : `${openRejected} ${rej}`;
      // rejected, an inserted mark was never there
      if (join !== 'ins') {
        rejected.push(openRejected);
        openRejected = null;
      }
    }
  }
  if (openAccepted !== null) accepted.push(openAccepted);
  if (openRejected !== null) rejected.push(openRejected);
  return { bytes: reviewDocx(body, comments ? { comments } : {}), accepted, rejected };
}

const normal = (texts: readonly string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
const texts = (blocks: readonly Block[]) => normal(blocks.map((b) => runsToPlainText(allRuns(b))));

describe('DOCX import of random tracked changes', () => {
  it('is valid, and accepting or rejecting all gives what Word shows', async () => {
    for (let seed = 1; seed <= 120; seed++) {
      const made = randomDocx(seeded(seed));
      const doc = await importDocx(made.bytes, { fileName: `random-${seed}.docx`, importedAt: '2026-06-01T00:00:00Z' });
      const parsed = PolicyDocumentSchema.safeParse(doc);
      expect(parsed.success ? '' : `seed ${seed}: ${JSON.stringify(parsed.error.issues)}`).toBe('');
      expect(texts(acceptAll(doc).blocks), `seed ${seed}`).toEqual(normal(made.accepted));
      expect(texts(rejectAll(doc).blocks), `seed ${seed}`).toEqual(normal(made.rejected));
    }
  }, 120_000);
});
