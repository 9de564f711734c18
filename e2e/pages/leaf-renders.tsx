/**
 * A bare slate-react editor inside React's Profiler, which counts the commits: the page of slate-react-patch.spec.ts
 * that checks a leaf just drawn costs no render of its own afterwards (patches/README.md, the sixth change), and, opened
 * at `#empty`, that an empty editor's placeholder still shows and hides. Bundled by the spec with esbuild; not part of
 * the app.
 */
import { Profiler, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, type Descendant } from 'slate';
import { Editable, Slate, withReact } from 'slate-react';

declare global {
  interface Window {
    commits: number;
  }
}

window.commits = 0;
const empty = location.hash === '#empty';
const value: Descendant[] = [{ children: [{ text: empty ? '' : 'hello world' }] }];

function Page() {
  const editor = useMemo(() => withReact(createEditor()), []);
  return (
    <Profiler id="editor" onRender={() => void window.commits++}>
      <Slate editor={editor} initialValue={value}>
        <Editable placeholder={empty ? 'Type here' : undefined} />
      </Slate>
    </Profiler>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
