import type { Ref } from 'react';
import { CHECK_RULES, type Finding } from '../../shared/check/finding';
import { dismisses, type Dismissal } from '../../shared/check/project-checks';

/**
 * "Dismissed (n)": the document's dismissed findings with the reason each was given, and Restore to show one again.
 * A dismissal whose words are no longer found is kept (the finding may come back) and said to be so.
 */
export function DismissedList({ dismissals, found, onRestore, summaryRef }: { dismissals: readonly Dismissal[]; found: readonly Finding[]; onRestore: (dismissal: Dismissal) => void; summaryRef?: Ref<HTMLElement> }) {
  if (dismissals.length === 0) return null;
  return (
    <details className="check-dismissed">
      <summary ref={summaryRef}>Dismissed ({dismissals.length})</summary>
      <ul>
        {dismissals.map((dismissal) => {
          const finding = found.find((f) => dismisses(dismissal, f));
          return (
            <li key={`${dismissal.rule}-${dismissal.sectionId ?? ''}-${dismissal.excerpt}`}>
              <span className="check-message">{finding ? finding.message : `${CHECK_RULES[dismissal.rule]} “${dismissal.excerpt}” (no longer found)`}</span>
              <span className="check-reason">Reason: {dismissal.reason}</span>
              <button type="button" className="link-button" onClick={() => onRestore(dismissal)} aria-label={`Restore: ${finding?.message ?? dismissal.excerpt}`}>
                Restore
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
