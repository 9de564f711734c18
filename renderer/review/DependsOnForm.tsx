import { useEffect, useState } from 'react';
import type { WorkflowView } from '../../shared/api/contract';

interface Props {
  others: WorkflowView['others'];
  dependsOn: readonly string[];
  busy: boolean;
  onSet: (dependsOn: string[]) => void;
}

/**
 * Links between policies: the documents this one depends on (the cookie policy on the privacy policy). A new
 * publication of one of them asks for this one to be reviewed. Set with one step, one commit, when the person saves.
 */
export function DependsOnForm({ others, dependsOn, busy, onSet }: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(dependsOn));
  useEffect(() => setChosen(new Set(dependsOn)), [dependsOn]);
  if (others.length === 0) return <p className="panel-note muted">There is no other document in the project to depend on.</p>;
  const changed = chosen.size !== dependsOn.length || dependsOn.some((id) => !chosen.has(id));
  return (
    <form
      className="review-links"
      aria-label="Depends on"
      onSubmit={(e) => {
        e.preventDefault();
        onSet(others.map((d) => d.id).filter((id) => chosen.has(id)));
      }}
    >
      {others.map((d) => (
        <label key={d.id} className="checkbox inline">
          <input
            type="checkbox"
            checked={chosen.has(d.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(d.id);
              else next.delete(d.id);
              setChosen(next);
            }}
          />{' '}
          {d.title}
        </label>
      ))}
      <button type="submit" className="small" disabled={busy || !changed}>
        Save links
      </button>
    </form>
  );
}
