import { describe, expect, it } from 'vitest';
import type { Run } from '../model/document';
import { h, p, policy } from '../testing/builders';
import type { Heading } from '../model/document';
import { listComments, listSuggestions } from './list';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
const thread = (id: string, extra = {}) => ({ id, by: 'Ana', at: '2026-12-04T10:00:00Z', text: 'Why?', ...extra });

describe('listing suggestions', () => {
  it('gathers the marks of one suggestion and numbers its section as if everything were accepted', () => {
    const doc = policy([
      { ...(h(1, 's-gone00001', 'Gone') as Heading), change: { ...ben, kind: 'delete' as const }, runs: [{ text: 'Gone', del: ben }] },
      h(1, 's-kept00001', 'Kept'),
      p('We ', { text: 'sell', del: ana }, { text: 'never sell', ins: ana } as Run, ' data.'),
    ]);
    const list = listSuggestions(doc);
    expect(list.map((s) => [s.id, s.kinds, s.deleted, s.inserted, s.sectionNumber])).toEqual([
      ['c-ben0001', ['delete'], 'Gone', '', null],
      ['c-ana0001', ['delete', 'insert'], 'sell', 'never sell', '1'],
    ]);
  });
});

describe('listing comments', () => {
  it('places a thread by its text or its section, and keeps one whose text was deleted as orphaned', () => {
    const doc = policy(
      [h(1, 's-intro0001', 'Intro'), p({ text: 'Cookies', comments: ['k-text0001'] }, ' are used.'), h(1, 's-scope0001', 'Scope')],
      { comments: [thread('k-gone00001'), thread('k-text0001'), thread('k-sect00001', { section: 's-scope0001' })] },
    );
    expect(listComments(doc).map((c) => [c.thread.id, c.sectionNumber, c.quote, c.orphaned])).toEqual([
      ['k-text0001', '1', 'Cookies', false],
      ['k-sect00001', '2', '', false],
      ['k-gone00001', null, '', true],
    ]);
  });
});
