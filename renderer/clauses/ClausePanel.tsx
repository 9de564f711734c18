import { useMemo, useState } from 'react';
import type { ClauseLibrary, LibraryClause } from '../../shared/clauses/library';
import { clauseKey, SOURCE_NAMES } from '../../shared/clauses/library';
import { allTags, searchClauses } from '../../shared/clauses/search';
import type { VariableValues } from '../../shared/model/variables';
import type { DocumentDrift } from '../../shared/api/contract';
import { driftPhrase, placeName } from '../../shared/clauses/drift';
import { ClausePreview } from './ClausePreview';

export const CLAUSE_DRAG_TYPE = 'application/x-policywright-clause';

interface Props {
  library: ClauseLibrary | null;
  variables: VariableValues;
  onInsert: (clause: LibraryClause, mode: 'section' | 'body') => void;
  onEdit: (clause: LibraryClause) => void;
  onNewFromSelection: () => void;
  onAttachTeam: (path: string | null) => Promise<string | null>;
  outdated: DocumentDrift[] | null;
  onCheckOutdated: () => void;
  onOpenDocument: (id: string, sectionId: string | null) => void;
}

const STATUS_NAMES = { draft: 'Draft', approved: 'Approved', deprecated: 'Deprecated' } as const;

/** The clause library beside the editor: search, filter by tag, preview, insert, edit; broken files and drift below. */
export function ClausePanel({ library, variables, onInsert, onEdit, onNewFromSelection, onAttachTeam, outdated, onCheckOutdated, onOpenDocument }: Props) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [teamPath, setTeamPath] = useState('');
  const [teamError, setTeamError] = useState<string | null>(null);
  const clauses = useMemo(() => library?.clauses ?? [], [library]);
  const tags = useMemo(() => allTags(clauses), [clauses]);
  const found = useMemo(() => searchClauses(clauses, { text: query, tag: tag || null }), [clauses, query, tag]);
  if (!library) return <p className="muted panel-note">Loading the clause library…</p>;

  return (
    <div className="clause-panel">
      <div className="clause-search">
        <input type="search" aria-label="Search clauses" placeholder="Search title and text" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Filter by tag" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t.replace(':', ': ')}
            </option>
          ))}
        </select>
      </div>
      <ul className="clause-list" aria-label="Clauses">
        {found.map((clause) => {
          const key = clauseKey(clause.source, clause.id);
          const open = selected === key;
          return (
            <li
              key={key}
              className={`clause-item${open ? ' open' : ''} status-${clause.status}`}
              draggable={clause.status !== 'deprecated'}
              onDragStart={(e) => {
                e.dataTransfer.setData(CLAUSE_DRAG_TYPE, key);
                e.dataTransfer.effectAllowed = 'copy';
              }}
            >
              <button type="button" className="clause-title" aria-expanded={open} onClick={() => setSelected(open ? null : key)}>
                <span>{clause.title}</span>
                <span className={`status-badge ${clause.status}`}>{STATUS_NAMES[clause.status]}</span>
              </button>
              <div className="clause-meta">
                {clause.tags.topic.map((t) => (
                  <span key={`t-${t}`} className="tag topic">{t}</span>
                ))}
                {clause.tags.jurisdiction.map((t) => (
                  <span key={`j-${t}`} className="tag jurisdiction">{t}</span>
                ))}
                <span className={`source-badge ${clause.source}`} title={SOURCE_NAMES[clause.source]}>
                  {clause.source === 'team' ? 'Team' : 'Project'} · v{clause.version}
                </span>
              </div>
              {open ? (
                <div className="clause-detail">
                  <ClausePreview blocks={clause.blocks} variables={variables} />
                  {clause.undefinedVariables.length > 0 ? (
                    <p className="field-error">
                      Uses {clause.undefinedVariables.map((n) => `{{${n}}}`).join(', ')}, which this project does not define: add it in Variables.
                    </p>
                  ) : null}
                  <div className="clause-actions">
                    <button type="button" className="primary" disabled={clause.status === 'deprecated'} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(clause, 'body')}>
                      Insert here
                    </button>
                    <button type="button" disabled={clause.status === 'deprecated'} onMouseDown={(e) => e.preventDefault()} onClick={() => onInsert(clause, 'section')}>
                      Insert as section
                    </button>
                    <button type="button" onClick={() => onEdit(clause)}>
                      Edit
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          );
        })}
        {found.length === 0 ? <li className="muted panel-note">No clause matches.</li> : null}
      </ul>
      <div className="clause-footer">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onNewFromSelection}>
          New clause from selection
        </button>
      </div>
      {library.broken.length > 0 ? (
        <div className="broken-clauses" role="alert">
          <h3>Files that could not be read</h3>
          <ul>
            {library.broken.map((b) => (
              <li key={`${b.source}/${b.file}`}>
                <strong>{b.file}</strong> ({SOURCE_NAMES[b.source]}): {b.problem}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="outdated">
        <div className="panel-title-row">
          <h3>Outdated clauses in this project</h3>
          <button type="button" className="small" onClick={onCheckOutdated}>
            Check
          </button>
        </div>
        {outdated === null ? null : outdated.length === 0 ? (
          <p className="muted">Every clause in every document is up to date.</p>
        ) : (
          <ul>
            {outdated.flatMap((doc) =>
              doc.uses.map((use) => (
                <li key={`${doc.id}/${use.useId}`}>
                  <button type="button" className="link-button" onClick={() => onOpenDocument(doc.id, use.place.sectionId)}>
                    {doc.title}, {placeName(use.place)}
                  </button>
                  : {driftPhrase(use)}
                </li>
              )),
            )}
          </ul>
        )}
      </div>
      <div className="team-library">
        <h3>Team library</h3>
        {library.team ? (
          <>
            <p className="muted path">{library.team.path}</p>
            {library.team.problem ? <p className="field-error">{library.team.problem}</p> : null}
            <button type="button" className="small" onClick={() => void onAttachTeam(null)}>
              Detach
            </button>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void onAttachTeam(teamPath).then(setTeamError);
            }}
          >
            <input aria-label="Team library folder" placeholder="/path/to/team/clauses" value={teamPath} onChange={(e) => setTeamPath(e.target.value)} />
            <button type="submit" className="small">
              Attach
            </button>
            {teamError ? <p className="field-error">{teamError}</p> : null}
          </form>
        )}
      </div>
    </div>
  );
}
