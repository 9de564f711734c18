/**
 * Find and replace, plugged into the document editor as an EditorFeature (editor-feature.ts): it runs the Find,
 * Replace, Find next and Find previous commands, shows its bar above the page, searches again after the document
 * changes (after a pause, only while the bar is open), and repaints its highlights as the page scrolls. The editor
 * knows none of it.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ReactEditor } from 'slate-react';
import type { FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { FindBar } from './FindBar';
import type { FindQuery } from '../../shared/find/find';
import { FindSession, type FindTools } from './find-session';

const REPAINT_DELAY_MS = 100;

interface Props {
  host: FeatureHost;
  /** For finding in the project's other documents; without them, find searches this document alone. */
  tools?: FindTools;
  /** A query another document's find bar handed to this one as it opened it (taken once, at mount). */
  takeHandoff?: () => FindQuery | null;
  children: (slots: FeatureSlots) => ReactNode;
}

export function FindFeature({ host, tools, takeHandoff, children }: Props) {
  const [session] = useState(() => new FindSession(host));
  useLayoutEffect(() => {
    session.tools = tools ?? null;
  }, [session, tools]);
  const handoff = useRef(takeHandoff);
  useEffect(() => {
    const query = handoff.current?.();
    if (!query) return;
    // After the first paint, so that drawing the rest of the document to reach the match is not part of the mount.
    const timer = setTimeout(() => session.openOn(query), 0);
    return () => clearTimeout(timer);
  }, [session]);
  // Made once: the feature holds no state of its own that changes, so the editor is never rendered again because of it.
  const [slots] = useState<FeatureSlots>(() => ({ tabs: [], overlay: null, adornments: null, bar: <FindBar session={session} /> }));

  useEffect(
    () =>
      host.register({
        run(command) {
          if (command === 'find' || command === 'replace') session.open(command === 'replace');
          else if (command === 'findNext' || command === 'findPrevious') {
            if (!session.read().open) session.open(false);
            if (command === 'findNext') session.next();
            else session.previous();
          } else return false;
          return true;
        },
        changed: session.documentChanged,
      }),
    [host, session],
  );

  useEffect(() => {
    let scroller: HTMLElement | null = null;
    try {
      scroller = ReactEditor.toDOMNode(host.editor, host.editor).closest<HTMLElement>('.page-scroll');
    } catch {
      return;
    }
    if (!scroller) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (!session.read().open) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(session.repaint, REPAINT_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [host, session]);

  useEffect(() => () => session.dispose(), [session]);

  return children(slots);
}
