import { useLayoutEffect, useRef, useState } from 'react';
import { useSlateSelector } from 'slate-react';
import { commandSpec, shortcutText, type Command } from '../../shared/api/commands';
import { currentMarks, type MarkName } from './marks';
import { caretHeadingNumbered } from './heading-numbering';
import { GROUPS, groupsThatFit } from './toolbar-fit';
import { ReviewMenu } from './ReviewMenu';
import { TableMenu } from './TableMenu';
import type { ReviewActions } from './use-review-actions';
import { DropMenu } from '../common/DropMenu';

const MARKS: MarkName[] = ['bold', 'italic', 'underline', 'superscript', 'subscript'];

const EDITING_GROUPS = GROUPS.slice(0, -1);

const GAP = 6;

export function Toolbar({ onCommand, suggesting, review }: { onCommand: (command: Command) => void; suggesting: boolean; review: ReviewActions }) {
  // One selector, returning a string, so a keystroke costs one comparison here.
  const active = useSlateSelector((editor) => {
    const marks = currentMarks(editor);
    return MARKS.filter((mark) => marks?.[mark] === true).join(' ');
  });
  // Pressed while the caret's heading takes a number; not a switch at all outside a heading.
  const numbered = useSlateSelector(caretHeadingNumbered);
  const pressed: Partial<Record<Command, boolean | undefined>> = {
    ...Object.fromEntries(MARKS.map((mark) => [mark, active.split(' ').includes(mark)])),
    toggleSuggesting: suggesting,
    toggleHeadingNumber: numbered ?? undefined,
  };
  const bar = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  // Each group's width as last drawn on the row: a group in the menu keeps the width it had.
  const widths = useRef<number[]>([]);
  const [shown, setShown] = useState(GROUPS.length);

  // Measured when the row changes size (a resize, a zoom, a panel shown or hidden), never per key, and never in a
  // commit: measured in its layout effect, the toolbar forced a style and layout of the whole new page halfway through
  // a document's first render (about 23 ms of a 100,000-word policy's first screen). The observer's first report comes
  // after the browser's own layout, before the paint; the row follows at once through `data-shown`, which the style
  // sheet reads (the groups past it wait under More), and React's state, which fills the More menu, in its own time.
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const fit = () => {
      const groups = element.querySelectorAll<HTMLElement>(':scope > .toolbar-group');
      groups.forEach((group, i) => {
        // A group under More is not drawn on the row (0 wide): it keeps the width it had there.
        if (group.offsetWidth > 0) widths.current[i] = group.offsetWidth;
      });
      const moreWidth = moreButton.current?.offsetWidth || 64;
      const all = GROUPS.map((_, i) => widths.current[i] ?? 0);
      const fitting =
        groupsThatFit(all, element.clientWidth, GAP, moreWidth) === GROUPS.length ? GROUPS.length : groupsThatFit(all.slice(0, -1), element.clientWidth, GAP, moreWidth);
      element.dataset.shown = String(fitting);
      setShown(fitting);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A tool under More shuts the menu as it acts (`close`); on the row there is none to shut.
  const button = (command: Command, close?: () => void) => {
    const { label, toolbar } = commandSpec(command);
    const shortcut = shortcutText(command);
    return (
      <button
        key={command}
        type="button"
        className={`tool tool-${command}`}
        aria-pressed={command in pressed ? pressed[command] : undefined}
        title={shortcut ? `${label} (${shortcut})` : label}
        // Keep the editor's selection: a mousedown on a button would otherwise move focus away first.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          close?.();
          onCommand(command);
        }}
      >
        {/* The face ("x²", "ab¹") is a picture of the command: its name, read in its place, is the label. Named by its
            content rather than aria-label, so no checker takes the face for a name the label should contain. */}
        <span aria-hidden="true">{toolbar}</span>
        <span className="visually-hidden">{label}</span>
      </button>
    );
  };
  const overflow = shown === GROUPS.length ? [] : EDITING_GROUPS.slice(shown);
  return (
    // Every group is on the row; those past `data-shown` (set by the fit above, never by React) are hidden by the style
    // sheet and offered under More, which shows only then.
    <div className="toolbar" role="toolbar" aria-label="Editing" ref={bar}>
      {GROUPS.map((group, i) => (
        <div className="toolbar-group" key={i}>
          {group.includes('toggleSuggesting') ? <TableMenu onCommand={onCommand} /> : null}
          {group.map((command) => button(command))}
          {group.includes('toggleSuggesting') ? <ReviewMenu review={review} onCommand={onCommand} /> : null}
        </div>
      ))}
      <DropMenu label="More" listLabel="More tools" className="toolbar-more" listClassName="toolbar-more-menu" read={() => null} buttonRef={moreButton}>
        {(_, close) =>
          overflow.length === 0
            ? null
            : overflow.map((group, i) => (
                <div className="toolbar-group" key={i}>
                  {group.map((command) => button(command, close))}
                </div>
              ))
        }
      </DropMenu>
    </div>
  );
}
