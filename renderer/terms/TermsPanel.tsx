import { useEffect, useRef, useState } from 'react';
import type { DefinedTerm, TermPlace } from '../../shared/check/terms';
import type { FeatureHost } from '../editor/editor-feature';
import { jumpToTerm } from './jump-to-term';
import type { TermIndex } from './term-index';

/**
 * The Terms tab: the document's defined terms, each with where it is defined and how often used. The term jumps to its
 * definition; its uses, listed under it, each jump to the words.
 */
export function TermsPanel({ host, index }: { host: FeatureHost; index: TermIndex }) {
  const [terms, setTerms] = useState<readonly DefinedTerm[] | null>(() => index.current());
  useEffect(() => index.watch(() => setTerms(index.current())), [index]);

  const jump = (term: string, place: TermPlace | null) => {
    if (!place || !jumpToTerm(host, term, place.ordinal)) host.say(`“${term}” is no longer there; the list is brought up to date.`);
  };
  // A section's uses are one line; each click on it goes to the next of them, as F3 does in find.
  const nextUse = useRef(new Map<string, number>());
  const jumpInSection = (term: string, uses: readonly TermPlace[]) => {
    const key = `${term}\u0000${uses[0]?.sectionId ?? ''}`;
    const at = (nextUse.current.get(key) ?? 0) % uses.length;
    nextUse.current.set(key, at + 1);
    jump(term, uses[at] ?? null);
  };

  if (!terms) return <aside className="terms-panel" aria-label="Terms" aria-busy="true"><p className="muted">Reading the terms…</p></aside>;
  return (
    <aside className="terms-panel" aria-label="Terms">
      <h2 className="panel-title">Defined terms</h2>
      {terms.length === 0 ? (
        <p className="muted panel-note">This document defines no terms. Write “"Term" means …”, or put a term in bold at the start of a paragraph in a Definitions section.</p>
      ) : (
        <p className="muted panel-note">{terms.length} term{terms.length === 1 ? '' : 's'}. Click a term to go to its definition.</p>
      )}
      <ul className="term-list">
        {terms.map((t) => (
          <li key={t.term} className="term-item">
            <button type="button" className="term-name" onClick={() => jump(t.term, t.definedAt)} title={t.definition}>
              {t.term}
            </button>
            <span className="term-meta">
              {placeName(t.definedAt)} · {t.uses.length === 0 ? <span className="term-unused">never used</span> : `used ${t.uses.length} time${t.uses.length === 1 ? '' : 's'}`}
            </span>
            {t.uses.length > 0 ? (
              <details className="term-uses">
                <summary>Uses of “{t.term}”</summary>
                <ul>
                  {bySection(t.uses).map((uses) => (
                    <li key={uses[0]?.ordinal}>
                      <button type="button" onClick={() => jumpInSection(t.term, uses)}>
                        {placeName(uses[0] ?? null)}
                        {uses.length > 1 ? <span className="muted"> ({uses.length})</span> : null}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Uses grouped by section, in the document's order. */
function bySection(uses: readonly TermPlace[]): TermPlace[][] {
  const groups: TermPlace[][] = [];
  for (const use of uses) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.sectionId === use.sectionId) last.push(use);
    else groups.push([use]);
  }
  return groups;
}

function placeName(place: TermPlace | null): string {
  if (!place) return 'defined in a heading';
  return place.sectionNumber ? `${place.sectionNumber} ${place.sectionTitle}` : 'Opening text';
}
