/**
 * The editor's three columns, filled from slots: on the left the app's sidebar and the outline; in the centre the
 * toolbar row, a feature's bar, the banners, the page and the status line; on the right the side panels as tabs (the Document panel
 * first, then those of the features). It holds no state but the chosen tab.
 */
import { useState, type ReactNode } from 'react';
import type { FeatureTab } from './editor-feature';

interface Props {
  left: ReactNode;
  toolbar: ReactNode;
  /** A feature's bar under the toolbar (find and replace). */
  bar?: ReactNode;
  /** Recovery, conflict and link prompts: above the page, in that order. */
  banners: ReactNode;
  page: ReactNode;
  status: string | null;
  tabs: readonly FeatureTab[];
  /** Dialogs, after the columns. */
  overlay: ReactNode;
}

export function EditorLayout({ left, toolbar, bar, banners, page, status, tabs, overlay }: Props) {
  const [chosen, choose] = useState(tabs[0]?.id ?? '');
  const side = tabs.find((tab) => tab.id === chosen) ?? tabs[0];
  return (
    <>
      <div className="doc-layout">
        <aside className="left-column">{left}</aside>
        <main className="center-column">
          <div className="toolbar-row">{toolbar}</div>
          {bar}
          {banners}
          <div className="page-scroll">{page}</div>
          <div className="status-bar" role="status" aria-live="polite">
            {status ?? ''}
          </div>
        </main>
        <aside className="right-column">
          <div className="panel-tabs" role="tablist" aria-label="Side panels">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                aria-selected={side?.id === tab.id}
                className={side?.id === tab.id ? 'active' : ''}
                onClick={() => choose(tab.id)}
              >
                {tab.name}
              </button>
            ))}
          </div>
          {side?.panel}
        </aside>
      </div>
      {overlay}
    </>
  );
}
