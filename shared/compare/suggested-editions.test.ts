import { describe, expect, it } from 'vitest';
import type { Run } from '../model/document';
import { h, p, policy } from '../testing/builders';
import { compareDocuments } from './compare';
import { isSectionRow } from './types';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const move = { id: 'c-move0001', by: 'Cleo', at: '2026-12-04T13:00:00Z' };

const before = policy([h(1, 's-contact01', 'Contact'), p('Write to us.'), h(1, 's-intro0001', 'Intro'), p('We sell data.')]);
// The same policy with Contact suggested to move to the end, and "sell" suggested to become "never sell".
const suggested = policy([
  { ...h(1, 's-contact01', 'Contact'), change: { ...move, kind: 'move-from' } },
  { kind: 'paragraph', change: { ...move, kind: 'move-from' }, runs: [{ text: 'Write to us.' }] },
  h(1, 's-intro0001', 'Intro'),
  p('We ', { text: 'sell', del: ana }, { text: 'never sell', ins: ana } as Run, ' data.'),
  { ...h(1, 's-contact01', 'Contact'), change: { ...move, kind: 'move-to' } },
  { kind: 'paragraph', change: { ...move, kind: 'move-to' }, runs: [{ text: 'Write to us.' }] },
]);
const accepted = policy([h(1, 's-intro0001', 'Intro'), p('We never sell data.'), h(1, 's-contact01', 'Contact'), p('Write to us.')]);
const labels = { oldLabel: 'old', newLabel: 'new' };

describe('comparing editions that hold open suggestions', () => {
  it('compares each as if its suggestions were accepted, by default', () => {
    expect(compareDocuments(before, suggested, labels)).toEqual(compareDocuments(before, accepted, labels));
    expect(compareDocuments(suggested, accepted, labels).summary).toMatchObject({ changed: 0, added: 0, deleted: 0, moved: 0 });
  });

  it('shows an edition’s own suggestions when its text before them is compared with its accepted text', () => {
    const own = compareDocuments(suggested, suggested, { ...labels, oldText: 'original' });
    expect(own).toEqual(compareDocuments(before, accepted, labels));
    expect(own.summary).toMatchObject({ moved: 1, wordsInserted: 1, wordsDeleted: 0 });
    expect(own.rows.filter(isSectionRow).filter((row) => row.edited).map((row) => row.new?.title)).toEqual(['Intro']);
  });
});
