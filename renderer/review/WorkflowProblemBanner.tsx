import { useEffect, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';

/**
 * Says in one sentence, when a project opens, that a document's review state file disagrees with the project's
 * history (changed outside Policywright): the Review tab then shows no state for it, only the trail.
 */
export function WorkflowProblemBanner({ client }: { client: ProjectClient | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setProblem(null);
    client?.workflowProblems({}).then(
      ({ problem: found }) => current && setProblem(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  if (!problem) return null;
  return (
    <div className="banner error" role="alert" data-testid="workflow-problem">
      {problem}
      <button type="button" className="small" onClick={() => setProblem(null)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
