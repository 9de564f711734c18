import { describe, expect, it } from 'vitest';
import type { Run } from '../../shared/model/document';
import { h, p, policy } from '../../shared/testing/builders';
import { renderExport } from './render';

const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
const doc = policy(
  [h(1, 's-intro0001', 'Introduction'), p('We ', { text: 'sell', del: ana }, { text: 'never sell', ins: ana } as Run, { text: ' data', comments: ['k-note00001'] }, '.')],
  { comments: [{ id: 'k-note00001', by: 'Dana', at: '2026-12-04T14:00:00Z', text: 'Private remark' }] },
);

describe('exports that publish the text', () => {
  it('print a PDF from the accepted text, without comments', async () => {
    let printed = '';
    await renderExport(doc, 'pdf', {
      pdf: (html) => {
        printed = html;
        return Promise.resolve(new Uint8Array());
      },
    });
    expect(printed).toContain('We never sell data.');
    expect(printed).not.toContain('sellnever');
    expect(printed).not.toContain('Private remark');
  });
});
