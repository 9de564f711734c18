/**
 * The editor's three columns, filled from slots: on the left the app's sidebar and the outline; in the centre the
 * toolbar row, a feature's bar, the banners, the page and the status line; on the right the side panels as tabs (the
 * Document panel first, then those of the features). Each side column can be hidden with its button, a choice the
 * window remembers; in a narrow window (small, or zoomed in) both start hidden and one opened shows over the page, so
 * the text keeps a readable width. It holds no state but the chosen tab and what is shown.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMediaQuery, useStoredFlag } from '../common/use-stored-flag';
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
  /** The editor's mode and its controls (Suggesting, Review changes), always in view beside the status line. */
  mode?: ReactNode;
  tabs: readonly FeatureTab[];
  /** Dialogs, after the columns. */
  overlay: ReactNode;
  /** The left column has something the person asked for (the new-document form): shown even if it was hidden. */
  revealLeft?: boolean;
  /** A tab a feature brings to the front, each time `times` changes (a new comment opens the review list). */
  revealTab?: { tab: string; times: number };
}

/** Below this width (in CSS pixels, so 200% zoom of a 1,600-pixel window too) the side columns would squeeze the text. */
const NARROW = '(max-width: 900px)';

export function EditorLayout({ left, toolbar, bar, banners, page, status, mode = null, tabs, overlay, revealLeft = false, revealTab }: Props) {
  const [chosen, choose] = useState(tabs[0]?.id ?? '');
  const side = tabs.find((tab) => tab.id === chosen) ?? tabs[0];
  const [leftShown, setLeftShown] = useStoredFlag('policywright.panel.left', true);
  const [rightShown, setRightShown] = useStoredFlag('policywright.panel.right', true);
  const narrow = useMediaQuery(NARROW);
  // In a narrow window one column at most, over the page, and only while the person wants it: not remembered.
  const [narrowShown, setNarrowShown] = useState<'left' | 'right' | null>(null);
  const showsLeft = narrow ? narrowShown === 'left' : leftShown;
  const showsRight = narrow ? narrowShown === 'right' : rightShown;
  const toggle = (which: 'left' | 'right') => {
    if (narrow) setNarrowShown(narrowShown === which ? null : which);
    else if (which === 'left') setLeftShown(!leftShown);
    else setRightShown(!rightShown);
  };
  useEffect(() => {
    if (!revealLeft) return;
    if (narrow) setNarrowShown('left');
    else setLeftShown(true);
  }, [revealLeft, narrow, setLeftShown]);
  const revealTimes = revealTab?.times ?? 0;
  const revealedTab = revealTab?.tab;
  // Each request once: a window turning narrow later must not bring the tab back.
  const revealsDone = useRef(0);
  useEffect(() => {
    if (!revealedTab || revealTimes === revealsDone.current) return;
    revealsDone.current = revealTimes;
    choose(revealedTab);
    if (narrow) setNarrowShown('right');
    else setRightShown(true);
  }, [revealTimes, revealedTab, narrow, setRightShown]);
  // In a narrow window the column lies over the page: Esc puts it away, as it closes a menu, and the focus goes to its button.
  const closeOverlay = (event: React.KeyboardEvent<HTMLElement>) => {
    if (!narrow || event.key !== 'Escape' || event.nativeEvent.defaultPrevented) return;
    event.preventDefault();
    setNarrowShown(null);
    event.currentTarget.querySelector<HTMLButtonElement>('.panel-toggle')?.focus();
  };
  const classes = ['doc-layout', narrow ? 'narrow' : '', showsLeft ? '' : 'left-hidden', showsRight ? '' : 'right-hidden'].filter(Boolean).join(' ');
  return (
    <>
      <div className={classes}>
        <aside className={`left-column${showsLeft ? '' : ' hidden-column'}`} data-region="documents" aria-label="Documents and outline" onKeyDown={closeOverlay}>
          <PanelToggle side="left" shown={showsLeft} name="documents and outline" onToggle={() => toggle('left')} />
          {showsLeft ? left : null}
        </aside>
        <main className="center-column">
          <div className="toolbar-row" data-region="toolbar">
            {toolbar}
          </div>
          {bar}
          {banners}
          <div className="page-scroll" data-region="policy" id="policy">
            {page}
          </div>
          <div className="status-row">
            {mode}
            <div className="status-bar" role="status" aria-live="polite">
              {status ?? ''}
            </div>
          </div>
        </main>
        <aside className={`right-column${showsRight ? '' : ' hidden-column'}`} data-region="panels" aria-label="Side panels" onKeyDown={closeOverlay}>
          <PanelToggle side="right" shown={showsRight} name="side panels" onToggle={() => toggle('right')} />
          {showsRight ? (
            <>
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
            </>
          ) : null}
        </aside>
      </div>
      {overlay}
    </>
  );
}

function PanelToggle({ side, shown, name, onToggle }: { side: 'left' | 'right'; shown: boolean; name: string; onToggle: () => void }) {
  const arrow = (side === 'left') === shown ? '«' : '»';
  return (
    <button type="button" className={`panel-toggle ${side}`} aria-expanded={shown} aria-label={`${shown ? 'Hide' : 'Show'} the ${name}`} title={`${shown ? 'Hide' : 'Show'} the ${name}`} onClick={onToggle}>
      <span aria-hidden="true">{arrow}</span>
    </button>
  );
}
