import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, PolicyDocumentSchema, type Block, type Run, type SuggestionMark } from '../model/document';
import { serializeDocument } from '../format/serialize';
import { h, p, policy } from '../testing/builders';
import { acceptAll, rejectAll, resolveSuggestions } from './resolve';

const ana: SuggestionMark = { id: 'c-ana0001', by: 'Ana Reviewer', at: '2026-12-04T10:00:00Z' };
const ben: SuggestionMark = { id: 'c-ben0001', by: 'Ben Counsel', at: '2026-12-04T11:00:00Z' };
const ins = (text: string, mark = ana): Run => ({ text, ins: mark });
const del = (text: string, mark = ana): Run => ({ text, del: mark });
const texts = (blocks: Block[]) => blocks.map((block) => block.runs.map((run) => run.text).join(''));

describe('accepting and rejecting suggestions', () => {
  const doc = policy([
    h(1, 's-intro0001', 'Introduction'),
    p('We ', del('sell'), ins('never sell'), ' your data.'),
    { ...p(ins('A new paragraph.')), change: { ...ana, kind: 'insert' } },
    { ...p(del('An old paragraph.', ben)), change: { ...ben, kind: 'delete' } },
    p({ text: 'Bold now', marks: ['bold'], formatted: { ...ben, was: [] } }, '.'),
    { kind: 'heading', id: 's-scope0001', level: 2, relevel: { ...ben, was: 1 }, runs: [{ text: 'Scope' }] },
  ]);

  it('accepts all: insertions stay, deletions go, formats and levels stay as suggested', () => {
    const accepted = acceptAll(doc);
    expect(texts(accepted.blocks)).toEqual(['Introduction', 'We never sell your data.', 'A new paragraph.', 'Bold now.', 'Scope']);
    expect(accepted.blocks[3]?.runs[0]?.marks).toEqual(['bold']);
    expect(accepted.blocks[4]).toMatchObject({ level: 2 });
    expect(serializeDocument(accepted)).not.toMatch(/"ins"|"del"|"formatted"|"change"|"relevel"/);
  });

  it('rejects all: the text as it was before any suggestion', () => {
    const rejected = rejectAll(doc);
    expect(texts(rejected.blocks)).toEqual(['Introduction', 'We sell your data.', 'An old paragraph.', 'Bold now.', 'Scope']);
    expect(rejected.blocks[3]?.runs).toEqual([{ text: 'Bold now.' }]);
    expect(rejected.blocks[4]).toMatchObject({ level: 1 });
  });

  it('settles one author and leaves the other open', () => {
    const byAna = resolveSuggestions(doc, (part) => (part.by === 'Ana Reviewer' ? 'accept' : undefined));
    expect(texts(byAna.blocks)).toEqual(['Introduction', 'We never sell your data.', 'A new paragraph.', 'An old paragraph.', 'Bold now.', 'Scope']);
    expect(byAna.blocks[3]?.change?.by).toBe('Ben Counsel');
    expect(PolicyDocumentSchema.safeParse(byAna).success).toBe(true);
  });

  it('a moved heading stands at both places with one id, and accepting keeps only the new place', () => {
    const moved = policy([
      { ...h(1, 's-moved0001', 'Moved'), change: { ...ana, kind: 'move-from' } },
      h(1, 's-stays0001', 'Stays'),
      { ...h(1, 's-moved0001', 'Moved'), change: { ...ana, kind: 'move-to' } },
    ]);
    expect(PolicyDocumentSchema.safeParse(moved).success).toBe(true);
    expect(texts(acceptAll(moved).blocks)).toEqual(['Stays', 'Moved']);
    expect(texts(rejectAll(moved).blocks)).toEqual(['Moved', 'Stays']);
  });
});

describe('the stored form of suggestions and comments', () => {
  it('reads a format 1 file as format 2', () => {
    const old = { ...policy([p('Text')]), format: 1 };
    expect(PolicyDocumentSchema.parse(old).format).toBe(FORMAT_VERSION);
  });

  it('refuses a format it does not know, saying which it reads', () => {
    const result = PolicyDocumentSchema.safeParse({ ...policy([]), format: FORMAT_VERSION + 1 });
    expect(result.error?.issues[0]?.message).toMatch(/must be 1, 2, 3 or 4/);
  });

  it('refuses a run naming a comment the document does not hold', () => {
    const result = PolicyDocumentSchema.safeParse(policy([p({ text: 'x', comments: ['k-missing1'] })]));
    expect(result.error?.issues[0]?.message).toMatch(/names the comment "k-missing1"/);
  });

  it('writes comments one thread per line after the blocks, and reads them back', () => {
    const doc = policy([p({ text: 'Cookies', comments: ['k-thread01'] }, ' are used.')], {
      comments: [
        {
          id: 'k-thread01',
          by: 'Ana Reviewer',
          at: '2026-12-04T10:00:00Z',
          text: 'Which cookies?',
          replies: [{ id: 'k-reply001', by: 'Ben Counsel', at: '2026-12-04T10:05:00Z', text: 'Analytics only.' }],
        },
      ],
    });
    const text = serializeDocument(doc);
    expect(text.split('\n').filter((line) => line.includes('"k-thread01"'))).toHaveLength(2);
    expect(text).toMatch(/\],\n {2}"comments": \[\n {4}\{"id":"k-thread01"/);
    expect(serializeDocument(PolicyDocumentSchema.parse(JSON.parse(text)))).toBe(text);
  });
});
