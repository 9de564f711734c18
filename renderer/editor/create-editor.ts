/**
 * Builds a document's Slate editor with its plugins, together with the two helpers that belong to it: the chunk mounter
 * (draws a long document a few chunks at a time, chunk-mounter.ts) and the held renders (lets the browser show typed
 * letters before React renders them, render-after-paint.ts). The plugin order is written down here and nowhere else.
 */
import { flushSync } from 'react-dom';
import { createEditor, Editor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import { ChunkMounter, withMountingBeforeEdits } from './chunk-mounter';
import { lockedIn, withClauseLock } from './clause-lock';
import { RenderAfterPaint, withRenderAfterPaint } from './render-after-paint';
import type { PolicyEditor } from './types';
import { withPolicy } from './with-policy';
import { withSuggestions } from './with-suggestions';
import { withTables } from './with-tables';

// Blocks per lowest chunk: small enough that an edit re-renders little, large enough to keep the chunk tree shallow.
const CHUNK_SIZE = 48;
// Chunks drawn with the first render: one, whose 48 blocks fill about two screens (a second one drawn with it cost about
// 25 ms of the first screen of a 100,000-word policy, for blocks below the fold). Then per task after that: at first
// two, then as many as fit in STEP_MS by the last step's time per chunk. A key pressed during a step waits for it (about
// that long, more with a collection): while the person is at the keys, the steps are short and spaced (below). Each
// frame between steps costs 5 to 15 ms on a long policy, so fewer, longer steps draw the whole document sooner.
const FIRST_CHUNKS = 1;
const CHUNKS_PER_TASK = 2;
const STEP_MS = 30;
const MAX_CHUNKS_PER_TASK = 16;
// For three seconds after a key or a click, a step aims at 8 ms and comes at most every 50 ms: a key then seldom meets
// one and waits little when it does (at 1,000,000 words a 30 ms step took up to 180 ms with its collections; find opened
// right after a 100,000-word policy waited 44-84 ms). The rest is still drawn while the person types, a few chunks a
// second, so the outline fills and the arrow keys find the blocks below.
const ACTIVE_FOR_MS = 3000;
const ACTIVE_STEP_MS = 8;
const ACTIVE_SPACING_MS = 50;

export interface BuiltEditor {
  editor: PolicyEditor;
  /** Typing whose render waits for a pause; flush() renders it now. */
  held: RenderAfterPaint;
  mounter: ChunkMounter;
  /** Who is told of each change whose render is held: it still counts as typing for the autosave. */
  setOnHold(listener: () => void): void;
}

export function createPolicyEditor(): BuiltEditor {
  const mounter = new ChunkMounter(FIRST_CHUNKS, CHUNKS_PER_TASK, {
    ms: STEP_MS,
    maxChunks: MAX_CHUNKS_PER_TASK,
    activeForMs: ACTIVE_FOR_MS,
    activeMs: ACTIVE_STEP_MS,
    activeSpacingMs: ACTIVE_SPACING_MS,
  });
  let onHold: () => void = () => undefined;
  const held: RenderAfterPaint = new RenderAfterPaint({
    mayRefuseTyping: (): boolean => lockedIn(editor, editor.selection) >= 0,
    onHold: () => onHold(),
  });
  // Each plugin wraps the ones before it, so the last runs first. withReact is innermost and withHistory just outside
  // it, as slate-react and slate-history expect, so every later plugin's edits are undoable steps. The clause lock sits
  // outside the policy rules, so a refused edit never reaches them; suggesting mode (with-suggestions.ts) sits between
  // the two, so a suggestion in an approved clause is refused as an edit is, and what a suggestion does still passes
  // the policy rules. The table rules sit just outside suggesting mode: Enter in a cell becomes a typed line break,
  // which suggesting then records, and an edit is kept inside its cell before either mode sees it. The mounter draws a far block before any plugin's edit reaches it, and the held renders are
  // outermost: they must see every operation, and every change, first.
  const editor: PolicyEditor = withRenderAfterPaint(
    withMountingBeforeEdits(withClauseLock(withTables(withSuggestions(withPolicy(withHistory(withReact(createEditor())) as PolicyEditor)))), mounter),
    held,
  );
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  // Typing changes one text, never which blocks the document holds: the root, whose normalizing walks every block
  // (47,000 in a 1,000,000-word policy, about a millisecond a key), is left out of what a text change makes dirty.
  // Typing in a table's cell (a text four levels down or more) leaves the table and its row out too: their rules
  // (with-tables.ts) look at every row, and a letter cannot change how many rows or cells there are.
  // Splitting a block (Enter) leaves two blocks where one stood: nothing the root's rules look at (no blocks at all,
  // a table last, a child that is not a block) can come of it, so the root is left out there too; and so it is for any
  // change inside a block (the text split at the caret by that same Enter, a mark, a link), which leaves the root's
  // children as they were. Only moving a node into or out of the top level changes them from inside.
  const { getDirtyPaths } = editor;
  editor.getDirtyPaths = (op) => {
    const paths = getDirtyPaths(op);
    if (op.type === 'insert_text' || op.type === 'remove_text') {
      const from = op.path.length >= 4 ? 3 : 1;
      return paths.filter((path) => path.length >= from);
    }
    if (op.type === 'set_selection') return paths;
    const insideABlock = op.path.length >= 2 && (op.type !== 'move_node' || op.newPath.length >= 2);
    if (insideABlock || (op.type === 'split_node' && op.path.length === 1)) return paths.filter((path) => path.length > 0);
    return paths;
  };
  // Drawing more of the document renders the editor: held letters go first, so that the render has them all.
  mounter.beforeStep = held.flush;
  // Each step's render is done inside it, so that the mounter can time it and size the next step.
  mounter.renderStep = (notify) => flushSync(notify);
  return {
    editor,
    held,
    mounter,
    setOnHold: (listener) => {
      onHold = listener;
    },
  };
}
