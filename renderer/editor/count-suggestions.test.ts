import { describe, expect, it } from 'vitest';
import type { Run } from '../../shared/model/document';
import { listSuggestions } from '../../shared/review/list';
import { p, policy } from '../../shared/testing/builders';
import { blocksToSlate } from './convert';
import { countOpenSuggestions } from './count-suggestions';

const mark = (n: number, by = 'Ana') => ({ id: `c-sugg000${n}`, by, at: '2026-12-04T10:00:00Z' });

describe('counting the open suggestions in the editor', () => {
  it('counts each suggestion once, as the stored list does, across texts, links, blocks and levels', () => {
    const doc = policy([
      { kind: 'heading', id: 's-intro0001', level: 2, runs: [{ text: 'Intro' }], relevel: { ...mark(1), was: 1 } },
      p('We ', { text: 'sell', del: mark(2) }, { text: 'never sell', ins: mark(2) } as Run, { text: 'here', link: 'https://example.com', ins: mark(3) } as Run),
      { kind: 'paragraph', change: { ...mark(4, 'Ben'), kind: 'insert' }, runs: [{ text: 'New.', ins: mark(4, 'Ben') }] },
      p({ text: 'bold', marks: ['bold'], formatted: { ...mark(5), was: [] } }),
      p('Plain text, nothing suggested.'),
    ]);
    expect(listSuggestions(doc)).toHaveLength(5);
    expect(countOpenSuggestions(blocksToSlate(doc.blocks))).toBe(5);
    expect(countOpenSuggestions(blocksToSlate([p('Nothing.')]))).toBe(0);
  });

  it('counts the suggestions in a table’s caption and cells, and the table’s own', () => {
    const table = {
      kind: 'table' as const,
      change: { ...mark(6), kind: 'insert' as const },
      caption: [{ text: 'Fees', ins: mark(7) }],
      rows: [{ cells: [{ runs: [{ text: 'a', del: mark(8) }] }, { runs: [{ text: 'b', ins: mark(7) }] }] }],
    };
    expect(countOpenSuggestions(blocksToSlate([table, p('Plain.')]))).toBe(3);
  });
});
