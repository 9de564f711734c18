/** The page itself: the document's title and dates above its editable text (given as children). */
import type { ReactNode } from 'react';
import type { DocumentMeta } from './DocumentPanel';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function DocumentPage({ meta, children }: { meta: DocumentMeta; children: ReactNode }) {
  return (
    <article className="page" aria-label={meta.title}>
      <header className="page-header">
        <h1 className="doc-title">{meta.title || 'Untitled document'}</h1>
        <p className="doc-dates">
          {meta.effectiveDate ? <span>Effective date: {formatDate(meta.effectiveDate)}</span> : null}
          {meta.lastUpdated ? <span>Last updated: {formatDate(meta.lastUpdated)}</span> : null}
        </p>
      </header>
      {children}
    </article>
  );
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}
