/** What stands above the page when something waits for the person: recovered edits, a conflict with the file, a link. */
import { ConflictBanner } from './ConflictBanner';
import { LinkPrompt } from './LinkPrompt';
import { RecoveryBanner } from './RecoveryBanner';
import type { DocumentPersistence } from './use-document-persistence';

interface Props {
  /** The document's name in the recovery banner. */
  title: string;
  persistence: DocumentPersistence;
  /** The link being added or changed, or null when none is. */
  link: { href: string } | null;
  onLinkCancel: () => void;
  /** Returns what is wrong with the address, or null when it was set. */
  onLinkSubmit: (href: string) => string | null;
}

export function DocumentBanners({ title, persistence, link, onLinkCancel, onLinkSubmit }: Props) {
  const { recovery, conflict, settling } = persistence;
  return (
    <>
      {recovery ? (
        <RecoveryBanner
          title={title}
          recovered={recovery}
          busy={settling}
          onRestore={() => void persistence.restoreRecovered()}
          onCompare={() => void persistence.compareRecovered()}
          onDiscard={() => void persistence.discardRecovered()}
        />
      ) : null}
      {conflict ? (
        <ConflictBanner
          conflict={conflict}
          busy={settling}
          onReloadTheirs={() => void persistence.reloadTheirs()}
          onKeepMine={() => void persistence.keepMine()}
          onCompare={() => void persistence.compareWithTheirs()}
          onSaveAgain={() => void persistence.saveAgain()}
        />
      ) : null}
      {link ? <LinkPrompt initial={link.href} onCancel={onLinkCancel} onSubmit={onLinkSubmit} /> : null}
    </>
  );
}
