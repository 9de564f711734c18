import { listMarkerStyle } from './html-list';

/**
 * The one stylesheet of a standalone export, inline so the file stands alone: no web fonts and no images, because an
 * exported policy must open offline and must not tell a third party who is reading it. Fonts are the reader's own.
 */
export const HTML_STYLE = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; color: #1a1a1a; background: #fff;
  font: 16px/1.55 Georgia, Cambria, 'Times New Roman', serif; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.3;
  break-after: avoid-page; page-break-after: avoid; }
h1 { font-size: 2rem; margin: 0 0 0.75rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
h5, h6 { font-style: italic; }
.section-number { margin-right: 0.5em; font-variant-numeric: tabular-nums; }
.document-info { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 2rem;
  color: #444; font-size: 0.95rem; }
.document-info dt { font-weight: 600; }
.document-info dd { margin: 0; }
.toc { border: 1px solid #d8dde3; border-radius: 4px; padding: 1rem 1.25rem; margin: 0 0 2rem; }
.toc h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.toc ol { list-style: none; margin: 0; padding-left: 1.5rem; }
.toc > ol { padding-left: 0; }
.toc a { text-decoration: none; }
a { color: #0b4f8a; }
li { margin: 0.2rem 0; }
sup, sub { line-height: 0; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0 1.25rem; font-size: 0.95rem; }
caption { caption-side: top; text-align: left; font-style: italic; padding: 0 0 0.4rem; }
th, td { border: 1px solid #8a939c; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e8ecf0; font-weight: 600; }
.footnotes { margin-top: 2.5rem; border-top: 1px solid #d8dde3; padding-top: 0.75rem; font-size: 0.9rem; }
.footnotes ol { padding-left: 1.5rem; }
.footnote-ref a, .footnote-back { text-decoration: none; }
${listMarkerStyle()}
@page { margin: 2cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  .toc { border: 0; padding: 0; }
  p, li { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  tr, caption { break-inside: avoid; page-break-inside: avoid; }
  caption { break-after: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
