/**
 * A bare slate-react editor whose `decorate` is given and taken away by two buttons: the page of
 * slate-react-patch.spec.ts, which checks the patched slate-react still decorates nodes drawn before a decorate was
 * given (patches/README.md). Bundled by the spec with esbuild; not part of the app.
 */
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Text, type Descendant, type NodeEntry } from 'slate';
import { Editable, Slate, withReact, type RenderLeafProps } from 'slate-react';

const value: Descendant[] = [{ children: [{ text: 'hello world' }] }];

/** Marks every "hello" of every text as a hit. */
function decorateHello([node, path]: NodeEntry) {
  if (!Text.isText(node)) return [];
  return [...node.text.matchAll(/hello/g)].map((match) => ({ anchor: { path, offset: match.index }, focus: { path, offset: match.index + 5 }, hit: true }));
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  return (
    <span {...attributes} data-hit={(leaf as { hit?: boolean }).hit ? 'yes' : undefined}>
      {children}
    </span>
  );
}

function Page() {
  const editor = useMemo(() => withReact(createEditor()), []);
  const [decorating, setDecorating] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setDecorating(true)}>
        Decorate
      </button>
      <button type="button" onClick={() => setDecorating(false)}>
        Stop decorating
      </button>
      <Slate editor={editor} initialValue={value}>
        <Editable renderLeaf={renderLeaf} {...(decorating ? { decorate: decorateHello } : {})} />
      </Slate>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
