import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import { checkDocument } from '../../shared/check/check-document';
import type { Checklist } from '../../shared/check/checklist-schema';
import { coverageOfLaws, type RequirementCoverage } from '../../shared/check/coverage';
import type { Finding } from '../../shared/check/finding';
import type { LibraryClause } from '../../shared/clauses/library';
import { dismissalsOf, partitionFindings } from '../../shared/check/project-checks';
import type { FeatureHost } from '../editor/editor-feature';
import { CoverageSection } from './CoverageSection';
import { DismissedList } from './DismissedList';
import { FindingItem } from './FindingItem';
import { insertMissingClause } from './insert-missing-clause';
import { useProjectChecks } from './use-project-checks';

/** After the last change, how long the checker waits before it reads the document again. */
const QUIET_MS = 1000;

type Result = { findings: Finding[]; coverage: Map<string, RequirementCoverage[]>; ms: number } | null;
type Topics = (clauseId: string) => readonly string[];

export function CheckPanel({ host, client, documentId }: { host: FeatureHost; client: ProjectClient; documentId: string }) {
  const checks = useProjectChecks(client);
  const [result, setResult] = useState<Result>(null);
  // What the next run reads: the laws picked and the library's clause topics change rarely, and never per key.
  const inputs = useRef<{ laws: Checklist[]; topics: Topics }>({ laws: [], topics: () => [] });
  const runSoon = useRef<() => void>(() => undefined);
  // The library's clauses, for the starter clause a missing disclosure offers.
  const [clauses, setClauses] = useState<ReadonlyMap<string, LibraryClause>>(new Map());

  useEffect(() => {
    let live = true;
    client.listClauses({}).then(
      (library) => {
        if (!live) return;
        const topics = new Map(library.clauses.map((clause) => [clause.id, clause.tags.topic]));
        inputs.current = { ...inputs.current, topics: (id) => topics.get(id) ?? [] };
        // The project's own clause before the team's of the same id, as the Clauses tab lists them.
        setClauses(new Map([...library.clauses].filter((c) => c.status !== 'deprecated').sort((a, b) => (a.source === 'project' ? 1 : 0) - (b.source === 'project' ? 1 : 0)).map((c) => [c.id, c])));
        runSoon.current();
      },
      // Without the library, coverage knows requirements by clause and keywords only.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const view = checks.view;
  const picked = view?.checks.laws[documentId];
  useEffect(() => {
    inputs.current = { ...inputs.current, laws: (picked ?? []).flatMap((id) => view?.checklists.filter((c) => c.id === id) ?? []) };
    runSoon.current();
  }, [picked, view?.checklists]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const run = () => {
      const read = host.tools.document;
      if (!read) return;
      const started = performance.now();
      const doc = read();
      const findings = checkDocument(doc);
      const { laws, topics } = inputs.current;
      const covered = coverageOfLaws(doc, laws, { clauseTopics: topics });
      setResult({ findings, coverage: new Map(laws.map((law, i) => [law.id, covered[i] ?? []])), ms: performance.now() - started });
    };
    // In an idle moment, so a check never delays a key or a frame.
    const schedule = (delay: number) => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      timer = setTimeout(() => {
        idle = requestIdleCallback(run, { timeout: 2000 });
      }, delay);
    };
    runSoon.current = () => schedule(0);
    schedule(0);
    // Per key this only restarts a timer.
    const unregister = host.register({ changed: () => schedule(QUIET_MS), blocksChanged: () => schedule(QUIET_MS) });
    return () => {
      unregister();
      runSoon.current = () => undefined;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [host]);

  const dismissals = useMemo(() => (view ? dismissalsOf(view.checks, documentId) : []), [view, documentId]);
  const { open, dismissed } = useMemo(() => partitionFindings(result?.findings ?? [], dismissals), [result, dismissals]);
  const jump = (sectionId: string) => host.tools.jumpToSection?.(sectionId);
  // The finding's row goes with its dismissal: the keyboard goes on from the list that now holds it.
  // Focus moves once the list shows the new dismissal: the first one mounts the list, so it may not exist before that render.
  const dismissedSummary = useRef<HTMLElement>(null);
  const focusDismissedOnRender = useRef(false);
  useEffect(() => {
    if (!focusDismissedOnRender.current || !dismissedSummary.current) return;
    focusDismissedOnRender.current = false;
    dismissedSummary.current.focus();
  }, [dismissals]);
  const dismiss = async (finding: Finding, reason: string) => {
    focusDismissedOnRender.current = true;
    const saved = await checks.save(() => client.dismissFinding({ documentId, finding: keyOf(finding), reason }));
    if (saved) host.say(`Dismissed “${finding.excerpt}”; Restore under Dismissed shows it again.`);
    else focusDismissedOnRender.current = false;
    return saved;
  };

  if (!result) return <aside className="check-panel" aria-label="Check" aria-busy="true"><p className="muted">Checking…</p></aside>;
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.length - errors;
  return (
    <aside className="check-panel" aria-label="Check">
      <h2 className="panel-title">Check</h2>
      {view?.problem ? <p className="panel-problem" role="alert">{view.problem}</p> : null}
      {checks.error ? <p className="panel-problem" role="alert">{checks.error}</p> : null}
      <p className="check-summary" role="status">
        {open.length === 0 ? 'Nothing found.' : [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')}
      </p>
      <ul className="check-findings">
        {open.map((finding, i) => (
          <FindingItem key={`${finding.rule}-${finding.sectionId ?? ''}-${finding.excerpt}-${i}`} finding={finding} onJump={jump} canDismiss={view !== null && !view.problem} onDismiss={(reason) => dismiss(finding, reason)} />
        ))}
      </ul>
      <DismissedList summaryRef={dismissedSummary} dismissals={dismissals} found={dismissed} onRestore={(d) => void checks.save(() => client.restoreFinding({ documentId, finding: keyOf(d) }))} />
      <CoverageSection client={client} documentId={documentId} checks={checks} coverage={result.coverage} onJump={jump} clauses={clauses} onInsert={(clause) => insertMissingClause(host, clause)} />
    </aside>
  );
}

function keyOf({ rule, sectionId, excerpt }: Pick<Finding, 'rule' | 'sectionId' | 'excerpt'>) {
  return { rule, sectionId, excerpt };
}
