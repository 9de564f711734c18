import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { DocumentSummary } from '../../shared/api/contract';
import { caseKey } from '../../shared/model/file-names';
import { focusWhenShown } from '../common/focus-targets';
import { useKeptColumnScroll } from './use-kept-column-scroll';
import { DocumentMenu, type MenuItem } from './DocumentMenu';
import { RenameDialog } from './RenameDialog';
import { DeletedDocumentsDialog } from './DeletedDocumentsDialog';
import type { DocumentActions } from './use-document-actions';

interface Props {
  documents: DocumentSummary[];
  currentId: string | null;
  onOpen: (id: string) => void;
  onCreate: (title: string) => Promise<string | null>;
  creating: boolean;
  setCreating: (value: boolean) => void;
  onImport: () => void;
  /** Brings a returned file into the open document as suggestions (offered in the open document's menu). */
  onImportSuggestions: () => void;
  onDropFiles: (files: File[]) => void;
  importing: string | null;
  actions: DocumentActions;
}

/** The list's own keys on a focused document, as in a file manager: F2 renames, Delete deletes, Alt+Shift+↑/↓ move. */
function actionForKey(event: KeyboardEvent): 'rename' | 'delete' | 'up' | 'down' | null {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  if (event.key === 'F2' && plain) return 'rename';
  if (event.key === 'Delete' && plain) return 'delete';
  if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowUp') return 'up';
  if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowDown') return 'down';
  return null;
}

export function DocumentList({ documents, currentId, onOpen, onCreate, creating, setCreating, onImport, onImportSuggestions, onDropFiles, importing, actions }: Props) {
  const [title, setTitle] = useState('');
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  // Two documents with one title are told apart by their file names, shown under the title.
  const twins = useMemo(() => {
    const seen = new Map<string, number>();
    for (const doc of documents) seen.set(caseKey(doc.title), (seen.get(caseKey(doc.title)) ?? 0) + 1);
    return new Set([...seen].filter(([, count]) => count > 1).map(([key]) => key));
  }, [documents]);

  const act = (doc: DocumentSummary, action: 'rename' | 'duplicate' | 'delete' | 'up' | 'down') => {
    if (action === 'rename') setRenaming(doc);
    else if (action === 'duplicate') void actions.duplicate(doc.id);
    else if (action === 'delete') {
      // The focus goes on to the next document in the list (or the Restore of the deletion), never to the page's top.
      const at = documents.indexOf(doc);
      const next = documents[at + 1] ?? documents[at - 1];
      void actions.remove(doc.id).then(() => {
        const target = next ? `.document-link[data-document-id="${CSS.escape(next.id)}"]` : '.document-toast button';
        focusWhenShown(target);
      });
    }
    else void actions.move(doc.id, action === 'up' ? -1 : 1);
  };
  const menuItems = (doc: DocumentSummary, index: number): MenuItem[] => [
    { label: 'Rename…', shortcut: 'F2', disabled: Boolean(doc.problem), run: () => act(doc, 'rename') },
    ...(doc.id === currentId ? [{ label: 'Import as suggestions…', run: onImportSuggestions }] : []),
    { label: 'Duplicate', disabled: Boolean(doc.problem), run: () => act(doc, 'duplicate') },
    { label: 'Move up', shortcut: 'Alt+Shift+↑', disabled: index === 0, run: () => act(doc, 'up') },
    { label: 'Move down', shortcut: 'Alt+Shift+↓', disabled: index === documents.length - 1, run: () => act(doc, 'down') },
    { label: 'Delete', shortcut: 'Del', run: () => act(doc, 'delete') },
  ];
  const recent = actions.recentDeletion;
  const focusMenuButton = (id: string) => document.querySelector<HTMLElement>(`[data-menu-for="${CSS.escape(id)}"]`)?.focus();

  const [error, setError] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  useKeptColumnScroll(nav);
  return (
    <nav
      ref={nav}
      className={`documents${dropping ? ' dropping' : ''}`}
      aria-label="Documents"
      onDragOver={(event) => {
        if (![...event.dataTransfer.types].includes('Files')) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDropping(false);
        onDropFiles([...event.dataTransfer.files]);
      }}
    >
      <div className="panel-title-row">
        <h2 className="panel-title">Documents</h2>
        <span className="panel-actions">
          <button type="button" className="small" onClick={onImport} title="Import a Word, HTML, Markdown or text file">
            Import…
          </button>
          <button ref={newButton} type="button" className="small" onClick={() => setCreating(true)} title="New document">
            + New
          </button>
        </span>
      </div>
      {importing ? (
        <p className="muted importing" role="status">
          <progress aria-label="Importing" /> Importing {importing}…
        </p>
      ) : null}
      <ul>
        {documents.map((doc, index) => (
          <li key={doc.id} className="document-item">
            <button
              type="button"
              className={`document-link${doc.id === currentId ? ' current' : ''}${doc.problem ? ' broken' : ''}`}
              aria-current={doc.id === currentId ? 'page' : undefined}
              aria-keyshortcuts="F2 Delete Alt+Shift+ArrowUp Alt+Shift+ArrowDown"
              title={doc.problem ?? doc.title}
              data-document-id={doc.id}
              onClick={() => onOpen(doc.id)}
              onKeyDown={(event) => {
                const action = actionForKey(event);
                if (!action || (action === 'rename' && doc.problem)) return;
                event.preventDefault();
                act(doc, action);
              }}
            >
              <span className="document-title" id={`document-title-${doc.id}`}>
                {doc.problem ? '⚠ ' : ''}
                {doc.title}
              </span>
              {twins.has(caseKey(doc.title)) ? <span className="document-file">{doc.id}.policy.json</span> : null}
            </button>
            <button
              type="button"
              className="document-menu-button"
              aria-label="Document actions"
              aria-describedby={`document-title-${doc.id}`}
              aria-haspopup="menu"
              aria-expanded={menuFor === doc.id}
              data-menu-for={doc.id}
              onClick={() => setMenuFor(menuFor === doc.id ? null : doc.id)}
            >
              ⋯
            </button>
            {menuFor === doc.id ? (
              <DocumentMenu
                label={`Actions for ${doc.title}`}
                items={menuItems(doc, index)}
                onClose={(refocus) => {
                  setMenuFor(null);
                  if (refocus) focusMenuButton(doc.id);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {actions.recentDeletion ? (
        <div className="document-toast" role="status">
          <span>Deleted “{actions.recentDeletion.deleted.title}”.</span>
          <button type="button" className="small" onClick={() => recent && void actions.restore(recent.deleted.id, recent.index)}>
            Restore
          </button>
          <button type="button" className="small" aria-label="Dismiss" onClick={actions.dismissDeletion}>
            ×
          </button>
        </div>
      ) : null}
      <button type="button" className="small deleted-link" onClick={() => setShowDeleted(true)}>
        Deleted documents…
      </button>
      {/* The list sits in a contained column, which would clip a dialog drawn inside it. */}
      {renaming
        ? createPortal(
            <RenameDialog title={renaming.title} onRename={(next) => actions.rename(renaming.id, next)} onClose={() => setRenaming(null)} />,
            document.body,
          )
        : null}
      {showDeleted
        ? createPortal(
            <DeletedDocumentsDialog list={actions.listDeleted} onRestore={(id) => actions.restore(id)} onClose={() => setShowDeleted(false)} />,
            document.body,
          )
        : null}
      {creating ? (
        <form
          className="new-document"
          // Esc leaves the form as it does a dialog, and the focus goes back to "+ New".
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setCreating(false);
            newButton.current?.focus();
          }}
          onSubmit={async (event) => {
            event.preventDefault();
            const problem = await onCreate(title);
            setError(problem);
            if (!problem) setTitle('');
          }}
        >
          <label className="field">
            <span>New document title</span>
            <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Cookie Policy" required />
          </label>
          {error ? <p className="field-error">{error}</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Create
            </button>
          </div>
        </form>
      ) : null}
    </nav>
  );
}
