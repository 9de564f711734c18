import type { ProjectClient } from '../../shared/api/client';
import { checklistChanges } from '../../shared/check/checklist-changes';
import type { Checklist } from '../../shared/check/checklist-schema';
import type { RequirementCoverage } from '../../shared/check/coverage';
import type { LibraryClause } from '../../shared/clauses/library';
import { acknowledgementOf } from '../../shared/check/project-checks';
import type { ProjectChecksState } from './use-project-checks';

interface Props {
  readonly client: ProjectClient;
  readonly documentId: string;
  readonly checks: ProjectChecksState;
  /** Each picked law's coverage, by checklist id, as the last check found it. */
  readonly coverage: ReadonlyMap<string, readonly RequirementCoverage[]>;
  readonly onJump: (sectionId: string) => void;
  /** The library's clauses by id: a missing disclosure's starter clause can be inserted when the library has it. */
  readonly clauses: ReadonlyMap<string, LibraryClause>;
  readonly onInsert: (clause: LibraryClause) => void;
}

/**
 * Required disclosures: the laws the person picks for this document, and for each its requirements, covered by a
 * section or missing (with the starter clause that makes it). When a later release ships a newer checklist than the
 * project acknowledged, its new and changed requirements carry a badge until the person marks them as reviewed.
 */
export function CoverageSection({ client, documentId, checks, coverage, onJump, clauses, onInsert }: Props) {
  const view = checks.view;
  if (!view) return null;
  const picked = view.checks.laws[documentId] ?? [];
  const toggle = (id: string, on: boolean) => {
    const laws = on ? [...picked, id] : picked.filter((law) => law !== id);
    void checks.save(() => client.setDocumentLaws({ documentId, laws }));
  };
  const laws = picked.flatMap((id) => view.checklists.filter((c) => c.id === id));
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">Required disclosures</h3>
      <fieldset className="coverage-laws">
        <legend>Laws that apply to this document</legend>
        {view.checklists.map((checklist) => (
          <label key={checklist.id} title={checklist.title}>
            <input type="checkbox" checked={picked.includes(checklist.id)} onChange={(event) => toggle(checklist.id, event.target.checked)} /> {shortName(checklist)}
          </label>
        ))}
      </fieldset>
      {laws.length === 0 ? <p className="muted panel-note">Pick the laws that apply to see which disclosures each requires, and where this document makes them.</p> : null}
      {laws.map((checklist) => (
        <LawCoverage key={checklist.id} checklist={checklist} requirements={coverage.get(checklist.id) ?? null} {...{ client, checks, onJump, clauses, onInsert }} />
      ))}
    </section>
  );
}

function LawCoverage({ checklist, requirements, client, checks, onJump, clauses, onInsert }: { checklist: Checklist; requirements: readonly RequirementCoverage[] | null } & Pick<Props, 'client' | 'checks' | 'onJump' | 'clauses' | 'onInsert'>) {
  const acknowledged = checks.view ? acknowledgementOf(checks.view.checks, checklist.id) : null;
  // Never acknowledged (a file edited by hand): nothing is news, rather than everything.
  const changes = acknowledged ? checklistChanges(acknowledged, checklist) : null;
  const badge = new Map<string, 'New' | 'Changed'>([...(changes?.added ?? []).map((r) => [r.id, 'New'] as const), ...(changes?.changed ?? []).map((r) => [r.id, 'Changed'] as const)]);
  const covered = requirements?.filter((r) => r.covered !== null).length ?? 0;
  return (
    <div className="coverage-law">
      <h4>
        {checklist.title} <span className="muted">({requirements ? `${covered} of ${requirements.length} made` : 'checking…'})</span>
      </h4>
      {badge.size > 0 ? (
        <p className="coverage-news" role="status">
          Updated to version {checklist.version} since you last reviewed it: {countText(changes?.added.length ?? 0, 'new')}
          {changes && changes.added.length > 0 && changes.changed.length > 0 ? ', ' : ''}
          {countText(changes?.changed.length ?? 0, 'changed')}.{' '}
          <button type="button" onClick={() => void checks.save(() => client.acknowledgeChecklist({ checklist: checklist.id }))}>
            Mark as reviewed
          </button>
        </p>
      ) : null}
      <ul className="coverage-list">
        {(requirements ?? []).map(({ requirement, covered: section, offer }) => (
          <li key={requirement.id} className={section ? 'covered' : 'missing'}>
            <span className="coverage-state">{section ? 'Covered' : 'Missing'}</span>
            <span className="coverage-requirement" title={requirement.description}>
              {requirement.title} <span className="muted">{requirement.citation}</span>
              {badge.has(requirement.id) ? <span className={`coverage-badge ${badge.get(requirement.id)?.toLowerCase()}`}>{badge.get(requirement.id)}</span> : null}
            </span>
            {section ? (
              <button type="button" className="coverage-where" disabled={!section.sectionId} onClick={() => section.sectionId && onJump(section.sectionId)}>
                {section.sectionNumber ? `${section.sectionNumber} ${section.title}` : 'Opening text'}
              </button>
            ) : offer ? (
              <OfferedClause offer={offer} clause={clauses.get(offer)} onInsert={onInsert} />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function OfferedClause({ offer, clause, onInsert }: { offer: string; clause: LibraryClause | undefined; onInsert: Props['onInsert'] }) {
  if (!clause) return <span className="coverage-offer">The starter clause “{offer}” makes it; this project’s library does not have it.</span>;
  return (
    <span className="coverage-offer">
      The clause “{clause.title}” makes it.{' '}
      <button type="button" className="link-button" onClick={() => onInsert(clause)}>
        Add it as the last section
      </button>
    </span>
  );
}

function shortName(checklist: Checklist): string {
  return (checklist.title.split(':')[0] ?? checklist.id).replace(/ as amended by .*$/u, '');
}

function countText(n: number, what: string): string {
  return n === 0 ? '' : `${n} ${what} requirement${n === 1 ? '' : 's'}`;
}
