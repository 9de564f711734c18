import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { LibraryClause } from '../../shared/clauses/library';
import { insertClause } from '../editor/clause-commands';
import type { FeatureHost } from '../editor/editor-feature';
import type { BlockElement } from '../editor/types';

/**
 * Adds the starter clause that makes a missing disclosure as a new section at the end of the document (one undo
 * step, as Insert clause is), and shows it: the person moves it where it belongs, as with any section.
 */
export function insertMissingClause(host: FeatureHost, clause: LibraryClause): void {
  const editor = host.editor;
  host.tools.renderNow();
  Transforms.select(editor, Editor.end(editor, []));
  const outcome = insertClause(editor, clause, 'section');
  if (outcome) {
    host.say(outcome);
    return;
  }
  const headings = (editor.children as BlockElement[]).filter((block) => block.type === 'heading');
  const added = headings[headings.length - 1];
  host.say(`Added “${clause.title}” as the last section; move it where it belongs (Alt+Shift+Up), or undo.`);
  // The page draws the new section on its next render: go there once it is drawn.
  const show = (tries: number) =>
    requestAnimationFrame(() => {
      try {
        host.tools.renderNow();
        if (added?.type === 'heading') host.tools.jumpToSection?.(added.id);
        else ReactEditor.focus(editor);
      } catch {
        if (tries > 0) show(tries - 1);
      }
    });
  show(10);
}
