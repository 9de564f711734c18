import { useId, useRef, useState } from 'react';
import { commandSpec, shortcutText, type Command } from '../../shared/api/commands';
import type { ReviewActions } from './use-review-actions';
import { useCloseOnClickAway } from '../common/use-close-on-click-away';

/**
 * The toolbar's "Review changes" menu: move between suggestions, settle the one at the cursor, or settle many at once
 * (all, all by one person, all in the cursor's section). The list of people is read when the menu opens.
 */
export function ReviewMenu({ review, onCommand }: { review: ReviewActions; onCommand: (command: Command) => void }) {
  const listId = useId();
  const [authors, setAuthors] = useState<string[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = authors !== null;
  const close = () => setAuthors(null);

  useCloseOnClickAway(open, button, close);

  const item = (key: string, label: string, action: () => void, title?: string) => (
    <button key={key} type="button" title={title} onMouseDown={(event) => event.preventDefault()} onClick={() => (close(), action())}>
      {label}
    </button>
  );
  const command = (name: Command) => {
    const shortcut = shortcutText(name);
    return item(name, commandSpec(name).label, () => onCommand(name), shortcut ? `${commandSpec(name).label} (${shortcut})` : undefined);
  };
  return (
    <div className="review-menu">
      <button
        ref={button}
        type="button"
        className="tool"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? close() : setAuthors(review.authors()))}
      >
        Review changes ▾
      </button>
      {open ? (
        <div
          id={listId}
          className="review-menu-list"
          role="group"
          aria-label="Review changes"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
            button.current?.focus();
          }}
        >
          {command('previousChange')}
          {command('nextChange')}
          <hr />
          {command('acceptChange')}
          {command('rejectChange')}
          <hr />
          {item('accept-all', 'Accept all', () => review.settle('accept', { all: true }))}
          {item('reject-all', 'Reject all', () => review.settle('reject', { all: true }))}
          {item('accept-section', 'Accept all in this section', () => review.settle('accept', { section: true }))}
          {item('reject-section', 'Reject all in this section', () => review.settle('reject', { section: true }))}
          {authors.length > 0 ? <hr /> : null}
          {authors.flatMap((author) => [
            item(`accept-${author}`, `Accept all by ${author}`, () => review.settle('accept', { author })),
            item(`reject-${author}`, `Reject all by ${author}`, () => review.settle('reject', { author })),
          ])}
        </div>
      ) : null}
    </div>
  );
}
