import type { ClauseBlock } from '../../shared/clauses/schema';
import type { VariableValues } from '../../shared/model/variables';
import { resolveRuns } from '../../shared/model/variables';

/**
 * A clause's wording as React text (never as HTML: nothing a clause holds is rendered as markup), with each variable
 * shown as a chip carrying the project's value or `[name]`.
 */
export function ClausePreview({ blocks, variables }: { blocks: readonly ClauseBlock[]; variables: VariableValues }) {
  return (
    <div className="clause-preview">
      {blocks.map((block, i) => {
        // Numbered items count from the last block that was not one, as the document numbers them.
        let n = 1;
        while (block.kind === 'list-item' && i - n >= 0 && blocks[i - n]?.kind === 'list-item') n++;
        const runs = block.runs.map((run, k) => {
          if (run.variable === undefined) return <span key={k}>{run.text}</span>;
          const [resolved] = resolveRuns([run], variables);
          const filled = resolved?.text !== `[${run.variable}]`;
          return (
            <span key={k} className={`variable-chip${filled ? '' : ' unfilled'}`} title={`Variable ${run.variable}`}>
              {resolved?.text}
            </span>
          );
        });
        return block.kind === 'list-item' ? (
          <p key={i} className={`preview-item indent-${block.indent}`}>
            {block.list === 'bullet' ? '• ' : `${n}. `}
            {runs}
          </p>
        ) : (
          <p key={i}>{runs}</p>
        );
      })}
    </div>
  );
}
