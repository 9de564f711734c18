import { useMemo } from 'react';
import type { Block } from '../../shared/model/document';
import type { LibraryClause } from '../../shared/clauses/library';
import { wordDiff } from '../../shared/clauses/diff';
import { blockText } from '../../shared/model/text';
import type { VariableValues } from '../../shared/model/variables';
import { Dialog } from '../common/Dialog';

interface Props {
  current: readonly Block[];
  clause: LibraryClause;
  usedVersion: number;
  variables: VariableValues;
  onUpdate: () => void;
  onClose: () => void;
}

const wording = (blocks: readonly Block[], values: VariableValues) => blocks.map((b) => blockText(b, values)).join('\n\n');

/** What "Update" would change, word by word, with the project's values in place of the variables. */
export function UpdateClauseDialog({ current, clause, usedVersion, variables, onUpdate, onClose }: Props) {
  const parts = useMemo(() => {
    const before = wording(current.filter((b) => b.kind !== 'heading'), variables);
    return wordDiff(before, wording(clause.blocks, variables));
  }, [current, clause, variables]);
  const deprecated = clause.status === 'deprecated';
  return (
    <Dialog
      wide
      title={
        <>
          “{clause.title}”: version {usedVersion} here, version {clause.version} in the library
        </>
      }
      onClose={onClose}
      cancel="Cancel"
      actions={
        <button type="button" className="primary" disabled={deprecated} onClick={onUpdate}>
          Update to version {clause.version}
        </button>
      }
    >
      {deprecated ? <p className="field-error">This clause is deprecated in the library: review whether it still belongs here.</p> : null}
      <p className="muted">
        <ins>Added</ins> and <del>removed</del> words. Updating keeps this project’s variable values.
      </p>
      <div className="diff" data-testid="clause-diff">
        {parts.map((part, i) =>
          part.kind === 'same' ? <span key={i}>{part.text}</span> : part.kind === 'added' ? <ins key={i}>{part.text}</ins> : <del key={i}>{part.text}</del>,
        )}
      </div>
    </Dialog>
  );
}
