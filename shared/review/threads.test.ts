import { describe, expect, it } from 'vitest';
import { CommentThreadSchema } from '../model/review-schema';
import { addReply, deleteThread, editComment, keepKnownComments, newThread, reopenThread, resolveThread } from './threads';

const ada = { name: 'Ada Lovelace', initials: 'AL' };
const bea = { name: 'Bea Smith' };
const now = new Date('2026-12-05T10:11:12.345Z');

describe('comment threads', () => {
  it('are made as the stored model reads them: UTC to the second, trimmed, with the section when about one', () => {
    const thread = newThread(ada, '  Too vague. ', { section: 's-intro00000', now });
    expect(CommentThreadSchema.parse(thread)).toEqual(thread);
    expect(thread).toMatchObject({ by: 'Ada Lovelace', initials: 'AL', at: '2026-12-05T10:11:12Z', text: 'Too vague.', section: 's-intro00000' });
    expect(thread.id).toMatch(/^k-[a-z0-9]{10}$/);
    expect(newThread(bea, 'x', { now })).not.toHaveProperty('initials');
  });

  it('take replies, are resolved and reopened, without changing the list they came from', () => {
    const first = [newThread(ada, 'Why 30 days?', { now, id: 'k-aaaaaa' }), newThread(bea, 'Other', { now, id: 'k-bbbbbb' })];
    const replied = addReply(first, 'k-aaaaaa', bea, 'The law says so.', now);
    expect(first[0]?.replies).toBeUndefined();
    expect(replied[0]?.replies).toEqual([expect.objectContaining({ by: 'Bea Smith', text: 'The law says so.', at: '2026-12-05T10:11:12Z' })]);
    const resolved = resolveThread(replied, 'k-aaaaaa');
    expect(resolved[0]?.resolved).toBe(true);
    expect(resolved[1]?.resolved).toBeUndefined();
    const reopened = reopenThread(resolved, 'k-aaaaaa');
    expect(reopened[0]).not.toHaveProperty('resolved');
    for (const thread of reopened) expect(CommentThreadSchema.parse(thread)).toEqual(thread);
  });

  it('let only the author edit a comment or a reply', () => {
    let threads = addReply([newThread(ada, 'One', { now, id: 'k-aaaaaa' })], 'k-aaaaaa', bea, 'Two', now);
    const replyId = threads[0]?.replies?.[0]?.id ?? '';
    threads = editComment(threads, 'k-aaaaaa', bea, 'Bea rewrites Ada');
    expect(threads[0]?.text).toBe('One');
    threads = editComment(threads, 'k-aaaaaa', ada, ' One, clearer ');
    expect(threads[0]?.text).toBe('One, clearer');
    threads = editComment(threads, 'k-aaaaaa', ada, 'Ada rewrites Bea', replyId);
    expect(threads[0]?.replies?.[0]?.text).toBe('Two');
    threads = editComment(threads, 'k-aaaaaa', bea, 'Two, clearer', replyId);
    expect(threads[0]?.replies?.[0]?.text).toBe('Two, clearer');
  });

  it('are deleted one at a time', () => {
    const threads = [newThread(ada, 'One', { now, id: 'k-aaaaaa' }), newThread(ada, 'Two', { now, id: 'k-bbbbbb' })];
    expect(deleteThread(threads, 'k-aaaaaa').map((t) => t.id)).toEqual(['k-bbbbbb']);
  });
});

describe('a document saved with comment marks', () => {
  it('keeps only the marks of threads it holds, and is the same object when all are known', () => {
    const thread = newThread(ada, 'Kept', { now, id: 'k-aaaaaa' });
    const known = { comments: [thread], blocks: [{ kind: 'paragraph' as const, runs: [{ text: 'a', comments: ['k-aaaaaa'] }] }] };
    expect(keepKnownComments(known)).toBe(known);
    const stray = {
      comments: [thread],
      blocks: [{ kind: 'paragraph' as const, runs: [{ text: 'a', comments: ['k-aaaaaa', 'k-gone00'] }, { text: 'b', comments: ['k-gone00'] }] }],
    };
    expect(keepKnownComments(stray).blocks[0]?.runs).toEqual([{ text: 'a', comments: ['k-aaaaaa'] }, { text: 'b' }]);
  });
});
