import { useState } from 'react';
import type { SyncConflictFile } from '../../shared/api/contract';
import { SectionConflictView, type PlaceChoice } from './SectionConflictView';

interface Props {
  file: SyncConflictFile;
  busy: boolean;
  /** Every place has a choice: settle the document with them. */
  onResolve: (choices: Array<PlaceChoice & { conflict: number }>) => void;
}

/** A document's places in conflict, each settled on its own; the document is resolved once every place has a choice. */
export function DocumentConflicts({ file, busy, onResolve }: Props) {
  const [choices, setChoices] = useState<ReadonlyMap<number, PlaceChoice>>(new Map());
  const choose = (index: number, choice: PlaceChoice) => setChoices((current) => new Map(current).set(index, choice));
  const left = file.differences.length - choices.size;
  return (
    <>
      {file.differences.map((difference, index) => (
        <SectionConflictView
          key={index}
          difference={difference}
          section={file.sections.find((section) => section.conflict === index)}
          choice={choices.get(index)}
          onChoose={(choice) => choose(index, choice)}
          disabled={busy}
        />
      ))}
      <div className="conflict-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || left > 0}
          onClick={() => onResolve([...choices].map(([conflict, choice]) => ({ conflict, ...choice })))}
          aria-label={`Resolve ${file.title}`}
        >
          Resolve {file.title}
        </button>
        {left > 0 ? <span className="muted">{left === 1 ? 'One place is' : `${left} places are`} left to choose.</span> : null}
      </div>
    </>
  );
}
