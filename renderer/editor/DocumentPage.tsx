/** The page itself: the document's title and dates above its editable text (given as children). */
import type { ReactNode } from 'react';
import { longDay } from '../../shared/model/dates';
import type { DocumentMeta } from './DocumentPanel';

export function DocumentPage({ meta, children }: { meta: DocumentMeta; children: ReactNode }) {
  return (
    <article className="page" aria-label={meta.title}>
      <header className="page-header">
        <h1 className="doc-title">{meta.title || 'Untitled document'}</h1>
        <p className="doc-dates">
          {meta.effectiveDate ? <span>Effective date: {longDay(meta.effectiveDate)}</span> : null}
          {meta.lastUpdated ? <span>Last updated: {longDay(meta.lastUpdated)}</span> : null}
        </p>
      </header>
      {children}
    </article>
  );
}
