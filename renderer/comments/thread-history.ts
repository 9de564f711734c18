import type { CommentThread } from '../../shared/model/document';
import type { PolicyEditor } from '../editor/types';

/**
 * Makes a new comment one undo step with the marking of its words: threads live beside Slate's tree, so undoing the
 * marking alone would leave the thread behind, listed as orphaned. Undo of that step takes the thread away (while it
 * has no reply), and redo brings it back. A thread whose words are later deleted stays, orphaned, as it should.
 */
export class ThreadHistory {
  /** Thread id → the undo depth just after its words were marked. */
  private readonly created = new Map<string, number>();
  /** Threads undone, with the redo depth at which redoing brings them back. */
  private readonly undone: Array<{ thread: CommentThread; redoDepth: number }> = [];
  private readonly undo: () => void;
  private readonly redo: () => void;

  constructor(
    private readonly editor: PolicyEditor,
    private readonly threads: () => readonly CommentThread[],
    private readonly setThreads: (next: CommentThread[]) => void,
  ) {
    this.undo = editor.undo;
    this.redo = editor.redo;
    editor.undo = () => this.undoing();
    editor.redo = () => this.redoing();
  }

  /** Called right after a new thread's words were marked (one history batch of their own). */
  marked(id: string): void {
    this.created.set(id, this.editor.history.undos.length);
  }

  dispose(): void {
    this.editor.undo = this.undo;
    this.editor.redo = this.redo;
  }

  private undoing(): void {
    const depth = this.editor.history.undos.length;
    this.undo();
    const goes = [...this.created].filter(([, at]) => at === depth).map(([id]) => id);
    if (goes.length === 0) return;
    const redoDepth = this.editor.history.redos.length;
    const keep: CommentThread[] = [];
    for (const thread of this.threads()) {
      const replied = (thread.replies ?? []).length > 0;
      if (goes.includes(thread.id) && !replied) this.undone.push({ thread, redoDepth });
      else keep.push(thread);
    }
    for (const id of goes) this.created.delete(id);
    this.setThreads(keep);
  }

  private redoing(): void {
    const depth = this.editor.history.redos.length;
    this.redo();
    const back = this.undone.filter((entry) => entry.redoDepth === depth);
    if (back.length === 0) return;
    for (const entry of back) {
      this.undone.splice(this.undone.indexOf(entry), 1);
      this.created.set(entry.thread.id, this.editor.history.undos.length);
    }
    this.setThreads([...this.threads(), ...back.map((entry) => entry.thread)]);
  }
}
