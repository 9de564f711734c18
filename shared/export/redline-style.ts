/**
 * What the redline page adds to the normal export's stylesheet. Insertions are underlined and green, deletions struck
 * through and red: the line tells the change without the colour (for readers who do not see it, and on a black and
 * white printer), and the colours keep a contrast of at least 4.5:1 on their tint. Screen readers mostly say nothing
 * of <ins> and <del>, so each change also carries words they read, hidden from sight.
 */
export const REDLINE_STYLE = `
ins, del { text-decoration-thickness: 0.08em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
ins { color: #0b5d1e; background: #e7f5ea; text-decoration: underline; text-underline-offset: 0.15em; }
del { color: #9b1c1c; background: #fbeaea; text-decoration: line-through; }
ins::before, ins::after, del::before, del::after { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(100%); white-space: nowrap; }
ins::before { content: " [insertion start] "; }
ins::after { content: " [insertion end] "; }
del::before { content: " [deletion start] "; }
del::after { content: " [deletion end] "; }
.break { padding: 0 0.15em; font-family: system-ui, sans-serif; }
.space { padding: 0 0.1em; }
.editions { color: #444; margin: 0 0 1.5rem; }
.summary dl { display: grid; grid-template-columns: max-content max-content; gap: 0.2rem 1.5rem; margin: 0 0 2rem; }
.summary dt { color: #333; }
.summary dd { margin: 0; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.details table { border-collapse: collapse; margin: 0 0 2rem; width: 100%; }
.details th, .details td { border: 1px solid #d8dde3; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
.details thead th { background: #f3f5f7; }
.none { color: #555; font-style: italic; }
.redline > h2:first-child { border-bottom: 1px solid #d8dde3; padding-bottom: 0.3rem; }
.row.added { border-left: 4px solid #0b5d1e; padding-left: 0.75rem; }
.row.deleted { border-left: 4px double #9b1c1c; padding-left: 0.75rem; }
.row.moved { border-left: 4px dashed #0b4f8a; padding-left: 0.75rem; }
.status { display: inline-block; margin-left: 0.5em; padding: 0 0.4em; border: 1px solid currentColor; border-radius: 3px;
  font-size: 0.75rem; font-weight: 600; font-style: normal; vertical-align: middle; color: #333; }
.old-number { text-decoration: line-through; color: #555; }
.redline-table { border-collapse: collapse; margin: 0.75rem 0; }
.redline-table th, .redline-table td { border: 1px solid #d8dde3; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
.redline-table caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
.redline-table tr.row-inserted > * { background: #e7f5ea; box-shadow: inset 4px 0 0 #0b5d1e; }
.redline-table tr.row-deleted > * { background: #fbeaea; text-decoration: line-through; box-shadow: inset 4px 0 0 #9b1c1c; }
.table-inserted { outline: 2px solid #0b5d1e; }
.table-deleted { outline: 2px double #9b1c1c; }
.link-change { border-bottom: 2px dotted #0b4f8a; }
.link-change::after { content: " (link was " attr(data-link-was) ")"; color: #0b4f8a; font-size: 0.85em; }
.note-mark.note-changed a { outline: 1px dashed #0b4f8a; }
.notes ol { padding-left: 1.5rem; }
.move-origin { margin: 1rem 0; padding: 0.2rem 0.75rem; border-left: 4px dashed #0b4f8a; color: #333;
  font: 0.9rem/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
@media print {
  .row, .move-origin { break-inside: auto; }
  .details th, .details td { padding: 0.2rem 0.4rem; }
}
`;
