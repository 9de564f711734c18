import type { CommentThread } from '../../shared/model/document';

/**
 * The highlight of commented text: one rule per open thread, on the ids its leaves carry (CommentMarks.tsx). A leaf
 * never needs to know whether its threads are resolved, so resolving one restyles its text without rendering it again.
 */
export function CommentHighlights({ threads, active }: { threads: readonly CommentThread[]; active: string | null }) {
  // Thread ids are "k-" and lowercase letters and digits (the stored model's rule): safe in a selector as they are.
  const open = threads.filter((t) => !t.resolved && /^k-[a-z0-9]+$/.test(t.id)).map((t) => `.policy-editor .commented[data-comments~="${t.id}"]`);
  const rules = [
    open.length > 0 ? `${open.join(',\n')} { background: #fff3c4; border-bottom: 2px solid #e0b84a; }` : '',
    active && /^k-[a-z0-9]+$/.test(active) ? `.policy-editor .commented[data-comments~="${active}"] { background: #ffe08a; }` : '',
  ].join('\n');
  return <style data-testid="comment-highlights">{rules}</style>;
}
