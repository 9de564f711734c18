import { describe, expect, it, vi } from 'vitest';
import type { RawParagraph } from '../../shared/import/raw';

/**
 * How paste-html turns a table the HTML reader hands over into the editor's table: the reader is stood in for here,
 * so this holds whatever the reader does with a given HTML (paste-html.test.ts pastes real HTML through the reader).
 */
const handed: { paragraphs: unknown[] } = { paragraphs: [] };
vi.mock('../../shared/import/html', () => ({ readHtmlFragment: () => handed.paragraphs as RawParagraph[] }));

const { htmlToFragment } = await import('./paste-html');

describe('a table handed over by the HTML reader', () => {
  it('becomes a table node with its header row and caption, short rows padded, marks and safe links kept, no line break at a cell’s ends', () => {
    handed.paragraphs = [
      { runs: [{ text: 'Before' }] },
      {
        runs: [],
        table: {
          header: true,
          caption: [{ text: 'Retention' }],
          rows: [
            [[{ text: 'Data\n' }], [{ text: '\nKept for', marks: ['bold'] }, { text: '\n' }]],
            [[{ text: 'Logs' }], [{ text: '30 days' }, { text: ' (see ' }, { text: 'policy', link: 'https://example.org/p' }, { text: ')' }]],
            [[{ text: 'Backups\nand archives' }]],
          ],
        },
      },
    ];
    const fragment = htmlToFragment('<table>…</table>');
    expect(fragment.map((node) => node.type)).toEqual(['paragraph', 'table']);
    expect(fragment[1]).toEqual({
      type: 'table',
      header: true,
      children: [
        { type: 'table-caption', children: [{ text: 'Retention' }] },
        { type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'Data' }] }, { type: 'table-cell', children: [{ text: 'Kept for', bold: true }] }] },
        {
          type: 'table-row',
          children: [
            { type: 'table-cell', children: [{ text: 'Logs' }] },
            { type: 'table-cell', children: [{ text: '30 days (see ' }, { type: 'link', href: 'https://example.org/p', children: [{ text: 'policy' }] }, { text: ')' }] },
          ],
        },
        { type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'Backups\nand archives' }] }, { type: 'table-cell', children: [{ text: '' }] }] },
      ],
    });
  });

  it('drops a table with no cells, and an unsafe link in a cell keeps only its words', () => {
    handed.paragraphs = [
      { runs: [], table: { header: false, rows: [] } },
      { runs: [], table: { header: false, rows: [[[{ text: 'x', link: 'javascript:alert(1)' }]]] } },
    ];
    expect(htmlToFragment('<table></table>')).toEqual([{ type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'x' }] }] }] }]);
  });
});
