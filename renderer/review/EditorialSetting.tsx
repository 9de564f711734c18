interface Props {
  keep: boolean;
  busy: boolean;
  onSet: (keep: boolean) => void;
}

/**
 * Whether an editorial edit during a review (the same words: only case, punctuation, spacing or formatting changed)
 * leaves the approvals standing; otherwise every edit starts the approvals again. A step of its own in the trail.
 */
export function EditorialSetting({ keep, busy, onSet }: Props) {
  return (
    <label className="checkbox review-editorial">
      <input type="checkbox" checked={keep} disabled={busy} onChange={(e) => onSet(e.target.checked)} /> Editorial edits keep approvals (the same words; only
      case, punctuation, spacing or formatting changed)
    </label>
  );
}
