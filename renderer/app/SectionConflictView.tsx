import { useMemo } from 'react';
import type { SyncDifference, SyncSectionConflict } from '../../shared/api/contract';
import { diffSection } from '../../shared/compare/section-diff';
import { keptBlocks, sideBlocks, type SideBlock } from '../../shared/compare/sides';
import type { Block } from '../../shared/model/document';
import { sectionText } from '../../shared/merge/section-text';
import { RedlineText } from '../compare/RedlineText';

/** What the person chose for one place in conflict; `text` is the edited result, one paragraph a line. */
export type PlaceChoice = { take: 'mine' | 'theirs' } | { take: 'edited'; text: string };

interface Props {
  difference: SyncDifference;
  /** Set for a section: its three editions. Other places (a title, the order of sections) have a summary only. */
  section: SyncSectionConflict | undefined;
  choice: PlaceChoice | undefined;
  onChoose: (choice: PlaceChoice) => void;
  disabled: boolean;
}

/**
 * One place both sides changed: for a section the common base, mine and theirs side by side (the compare view's
 * redline of each side against the base), and take mine, take theirs, or edit the result in a plain text area.
 */
export function SectionConflictView({ difference, section, choice, onChoose, disabled }: Props) {
  const columns = useMemo(
    () =>
      section
        ? [
            { name: 'Common base', blocks: section.base ? keptBlocks(section.base) : null, absent: 'Not in the common base' },
            { name: 'Yours', blocks: against(section.base, section.mine), absent: 'Deleted by you' },
            { name: 'Theirs', blocks: against(section.base, section.theirs), absent: 'Deleted by them' },
          ]
        : null,
    [section],
  );
  const group = `${difference.where}`;
  return (
    <section className="place-conflict" aria-label={group}>
      <h4>{difference.where}</h4>
      {columns ? (
        <div className="place-columns" role="presentation">
          {columns.map((column) => (
            <div key={column.name} className="place-column cmp-row" role="group" aria-label={`${column.name}: ${difference.where}`}>
              <div className="place-side">{column.name}</div>
              {column.blocks ? <RedlineText blocks={column.blocks} label="" /> : <p className="cmp-absent">{column.absent}</p>}
            </div>
          ))}
        </div>
      ) : (
        <dl>
          <dd>
            <span className="sync-side">Yours:</span> {difference.mine}
          </dd>
          <dd>
            <span className="sync-side">Theirs:</span> {difference.theirs}
          </dd>
        </dl>
      )}
      <div className="segmented place-choice" role="group" aria-label={`Resolve ${group}`}>
        <button type="button" disabled={disabled} aria-pressed={choice?.take === 'mine'} onClick={() => onChoose({ take: 'mine' })}>
          Take mine
        </button>
        <button type="button" disabled={disabled} aria-pressed={choice?.take === 'theirs'} onClick={() => onChoose({ take: 'theirs' })}>
          Take theirs
        </button>
        {section ? (
          <button
            type="button"
            disabled={disabled}
            aria-pressed={choice?.take === 'edited'}
            onClick={() => onChoose({ take: 'edited', text: choice?.take === 'edited' ? choice.text : sectionText(section.mine ?? section.theirs) })}
          >
            Edit the result
          </button>
        ) : null}
      </div>
      {choice?.take === 'edited' ? (
        <label className="field place-edit">
          <span>The result for {difference.where} (the heading first, then one paragraph a line)</span>
          <textarea rows={Math.min(14, Math.max(4, choice.text.split('\n').length + 1))} value={choice.text} disabled={disabled} onChange={(event) => onChoose({ take: 'edited', text: event.target.value })} />
        </label>
      ) : null}
    </section>
  );
}

/** One side's blocks with what it changed from the base marked, as the compare view draws them. */
function against(base: readonly Block[] | null, side: readonly Block[] | null): SideBlock[] | null {
  if (side === null) return null;
  if (base === null) return keptBlocks(side);
  return sideBlocks(diffSection(base, side).redline, 'new');
}
