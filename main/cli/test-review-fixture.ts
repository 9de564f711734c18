import type { PolicyDocument, Run } from '../../shared/model/document';
import { h, p, policy } from '../../shared/testing/builders';

/** Suggestions and comments the review, accept and reject tests share: by two reviewers, across sections 1, 2 and 2.1. */
export const ana = { id: 'c-ana0001', by: 'Ana', at: '2026-12-04T10:00:00Z' };
export const ben = { id: 'c-ben0001', by: 'Ben', at: '2026-12-04T11:00:00Z' };
export const benSub = { id: 'c-ben0002', by: 'Ben', at: '2026-12-04T11:05:00Z' };

export function reviewedPolicy(): PolicyDocument {
  return policy(
    [
      h(1, 's-intro0001', 'Introduction'),
      p('We ', { text: 'sell', del: ana }, { text: 'never sell', ins: ana } as Run, ' your data.'),
      h(1, 's-share0001', 'Sharing'),
      p({ text: 'Partners', comments: ['k-quote001'] }, ' see it', { text: ' sometimes', ins: ben } as Run, '.'),
      h(2, 's-procs0001', 'Processors'),
      p('Processors act ', { text: 'only ', ins: benSub } as Run, 'on instructions.'),
    ],
    {
      title: 'Privacy Notice',
      comments: [
        { id: 'k-quote001', by: 'Cleo', at: '2026-12-04T12:00:00Z', text: 'Which partners?', replies: [{ id: 'k-reply001', by: 'Ana', at: '2026-12-04T12:30:00Z', text: 'Listed in 4.' }] },
        { id: 'k-sectn001', by: 'Ben', at: '2026-12-04T13:00:00Z', text: 'Name them.', section: 's-procs0001', resolved: true },
        { id: 'k-gone0001', by: 'Ana', at: '2026-12-04T14:00:00Z', text: 'Was about a deleted line.' },
      ],
    },
  );
}
