import { commandSpec, shortcutText, type Command } from '../../shared/api/commands';
import type { ReviewActions } from './use-review-actions';
import { DropMenu, DropMenuItem } from '../common/DropMenu';

/**
 * The toolbar's "Review changes" menu: move between suggestions, settle the one at the cursor, or settle many at once
 * (all, all by one person, all in the cursor's section). The list of people is read when the menu opens.
 */
export function ReviewMenu({ review, onCommand }: { review: ReviewActions; onCommand: (command: Command) => void }) {
  return (
    <DropMenu label="Review changes" listLabel="Review changes" className="review-menu" listClassName="review-menu-list" read={() => review.authors()}>
      {(authors, close) => {
        const item = (key: string, label: string, action: () => void, title?: string) => (
          <DropMenuItem key={key} title={title} close={close} onChoose={action}>
            {label}
          </DropMenuItem>
        );
        const command = (name: Command) => {
          const shortcut = shortcutText(name);
          return item(name, commandSpec(name).label, () => onCommand(name), shortcut ? `${commandSpec(name).label} (${shortcut})` : undefined);
        };
        return (
          <>
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
          </>
        );
      }}
    </DropMenu>
  );
}
