import { addDays, addMonths } from '../model/dates';
import type { DocumentWorkflow } from './schema';

export type ReviewStatus = 'not-scheduled' | 'ok' | 'due-soon' | 'overdue';

/** When the published policy must next be reviewed, and how that stands on `today` (YYYY-MM-DD, the person's day). */
export function reviewDue(wf: DocumentWorkflow, today: string): { next: string | null; status: ReviewStatus } {
  if (!wf.review || !wf.published || wf.state === 'retired') return { next: null, status: 'not-scheduled' };
  const next = addMonths(wf.published.at.slice(0, 10), wf.review.everyMonths);
  if (today > next) return { next, status: 'overdue' };
  return { next, status: today >= addDays(next, -wf.review.warnDays) ? 'due-soon' : 'ok' };
}

/**
 * The documents this one depends on that were published after it was (or after someone last confirmed it needs no
 * change for them): each asks for this one to be reviewed again (a new privacy policy may change what the cookie
 * policy must say).
 */
export function dependenciesNewer(wf: DocumentWorkflow, publishedAt: ReadonlyMap<string, string | null>): string[] {
  if (wf.state === 'retired') return [];
  const moments = [wf.published?.at, wf.dependenciesChecked].filter((at): at is string => typeof at === 'string');
  const since = moments.length > 0 ? moments.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
  return wf.dependsOn.filter((id) => {
    const at = publishedAt.get(id) ?? null;
    return at !== null && (since === null || Date.parse(at) > Date.parse(since));
  });
}
