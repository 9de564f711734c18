/**
 * The benchmark's peer: the same document in a plain slate-react editor, as the slate-react docs would have it. No
 * chunking, no content-visibility, default leaves; headings, paragraphs and list items as ordinary elements. It is not
 * part of the app: `npm run bench` builds it with renderer/bench/vite.config.mjs and serves it next to the document.
 */
import { createRoot } from 'react-dom/client';
import { useMemo } from 'react';
import { createEditor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact, type RenderElementProps } from 'slate-react';
import type { PolicyDocument } from '../../shared/model/document';
// The same conversion as the app's, so both editors hold exactly the same Slate value.
import { blocksToSlate } from '../editor/convert';

function renderElement({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'heading': {
      // The id is carried as in the app, so the bench finds sections the same way in both editors.
      if (element.level <= 1) return <h2 {...attributes} data-section-id={element.id}>{children}</h2>;
      if (element.level === 2) return <h3 {...attributes} data-section-id={element.id}>{children}</h3>;
      return <h4 {...attributes} data-section-id={element.id}>{children}</h4>;
    }
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'link':
      return <a {...attributes} href={element.href}>{children}</a>;
    default:
      return <p {...attributes}>{children}</p>;
  }
}

function PlainEditor({ doc }: { doc: PolicyDocument }) {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  const initialValue = useMemo(() => blocksToSlate(doc.blocks) as Descendant[], [doc]);
  return (
    <div className="page-scroll">
      <article className="page">
        <h1 className="doc-title">{doc.title}</h1>
        <Slate editor={editor} initialValue={initialValue}>
          <Editable aria-label="Policy text" renderElement={renderElement} spellCheck />
        </Slate>
      </article>
    </div>
  );
}

async function main() {
  const root = document.getElementById('root');
  if (!root) throw new Error('plain.html has no #root');
  const source = new URLSearchParams(location.search).get('doc') ?? './document.policy.json';
  const response = await fetch(source);
  if (!response.ok) throw new Error(`cannot load ${source}: ${response.status}`);
  const doc = (await response.json()) as PolicyDocument;
  createRoot(root).render(<PlainEditor doc={doc} />);
}

void main();
