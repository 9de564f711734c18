import { memo, type ReactNode } from 'react';
import type { SideBlock } from '../../shared/compare/sides';
import type { RedlineRun } from '../../shared/compare/types';

/** A section's blocks, with inserted text underlined and deleted text struck through (and named so for screen readers). */
export const RedlineText = memo(function RedlineText({ blocks, label }: { blocks: readonly SideBlock[]; label: string }) {
  const items: ReactNode[] = [];
  blocks.forEach((block, index) => {
    const runs = block.runs.map((run, i) => <RunView key={i} run={run} />);
    const shape = block.block;
    if (shape.kind === 'heading') {
      items.push(
        <div key={index} role="heading" aria-level={Math.min(shape.level + 1, 6)} className={`cmp-heading depth-${shape.level}`}>
          {label ? <span className="cmp-number">{label}</span> : null}
          <span>{runs.length > 0 ? runs : '\u00a0'}</span>
        </div>,
      );
    } else if (shape.kind === 'list-item') {
      items.push(
        <p key={index} className={`cmp-list ${shape.list} indent-${shape.indent}`}>
          {runs}
        </p>,
      );
    } else {
      items.push(<p key={index}>{runs.length > 0 ? runs : '\u00a0'}</p>);
    }
  });
  return <>{items}</>;
});

function RunView({ run }: { run: RedlineRun }) {
  let content: ReactNode = run.text;
  if (run.marks?.includes('bold')) content = <strong>{content}</strong>;
  if (run.marks?.includes('italic')) content = <em>{content}</em>;
  if (run.marks?.includes('underline')) content = <u>{content}</u>;
  // Links are shown, not followed: a comparison is for reading.
  if (run.link) content = <span className="cmp-link" title={run.link}>{content}</span>;
  if (run.op === 'insert') return <ins>{content}</ins>;
  if (run.op === 'delete') return <del>{content}</del>;
  return <>{content}</>;
}
