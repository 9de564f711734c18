import { useEffect, useId, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { CompareSource, VersionKind, VersionSummary } from '../../shared/api/contract';
import { fileToBase64 } from '../common/download';
import { SaveVersionForm } from './SaveVersionForm';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';
import { shortDateTime } from '../../shared/model/dates';

interface Props {
  client: ProjectClient;
  documentId: string;
  title: string;
  userName: string;
  /** Open on the form to save a version (Ctrl+Shift+S) rather than on the list. */
  startSaving: boolean;
  /** Saves the open document, so a version or comparison holds what the person sees. */
  beforeUse: () => Promise<void>;
  onCompare: (old: CompareSource, next: CompareSource) => Promise<void>;
  /** How many suggestions the draft holds open: the choice to compare before them is offered only then. */
  countOpenSuggestions?: () => number;
  onRestore: (version: VersionSummary) => Promise<void>;
  onClose: () => void;
  /**
   * The person has not said who they are yet: the form's Author field asks it, and a version saved keeps that name
   * as theirs (the first use of "who am I", without a second dialog).
   */
  onFirstAuthor?: (author: string) => void;
}

const DRAFT = 'draft';
const FILE = 'file';

/** A document's saved versions, a form to save another, and the choice of any two editions to compare. */
export function VersionsDialog({ client, documentId, title, userName, startSaving, beforeUse, onCompare, onRestore, onClose, onFirstAuthor, countOpenSuggestions }: Props) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [damaged, setDamaged] = useState<string[]>([]);
  const [saving, setSaving] = useState(startSaving);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [oldChoice, setOldChoice] = useState<string>(DRAFT);
  const [newChoice, setNewChoice] = useState<string>(DRAFT);
  const [files, setFiles] = useState<{ old: File | null; new: File | null }>({ old: null, new: null });
  const ids = { old: useId(), new: useId() };

  const refresh = async () => {
    const list = await client.listVersions({ documentId });
    setVersions(list);
    // A damaged version is named, never a reason to hide the others.
    client.listVersionProblems({}).then((found) => setDamaged(found.problems), () => setDamaged([]));
    return list;
  };

  useEffect(() => {
    refresh().then(
      (list) => {
        // By default: the newest version against the draft, the question a reviewer asks most.
        if (list[0]) setOldChoice(`v:${list[0].name}`);
      },
      (e: unknown) => setError(message(e)),
    );
    // Loaded once per document; refresh is new at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, documentId]);

  const act = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const save = (input: { name: string; note: string; kind: VersionKind; author: string }) =>
    act('Saving the version…', async () => {
      await beforeUse();
      const saved = await client.saveVersion({ documentId, ...input });
      onFirstAuthor?.(input.author);
      setSaving(false);
      await refresh();
      setOldChoice(`v:${saved.name}`);
    });

  const sourceOf = async (choice: string, file: File | null): Promise<CompareSource> => {
    if (choice === DRAFT) return { kind: 'draft', documentId };
    if (choice === FILE) {
      if (!file) throw new Error('Choose the file to compare.');
      return { kind: 'file', fileName: file.name, base64: await fileToBase64(file) };
    }
    return { kind: 'version', documentId, version: choice.slice(2) };
  };

  /** The older edition as it was before its open suggestions: the draft against itself then shows them as a redline. */
  const [before, setBefore] = useState(false);
  const [offerBefore] = useState(() => (countOpenSuggestions?.() ?? 0) > 0);
  const asChosen = async (source: Promise<CompareSource>): Promise<CompareSource> => (before ? { ...(await source), text: 'original' } : source);

  const compare = (oldSource: () => Promise<CompareSource>, newSource: () => Promise<CompareSource>) =>
    act('Comparing…', async () => {
      await beforeUse();
      await onCompare(await oldSource(), await newSource());
    });

  const choices = (side: 'old' | 'new') => (
    <div className="compare-choice">
      <label htmlFor={ids[side]}>{side === 'old' ? 'Older edition' : 'Newer edition'}</label>
      <select id={ids[side]} value={side === 'old' ? oldChoice : newChoice} onChange={(e) => (side === 'old' ? setOldChoice : setNewChoice)(e.target.value)}>
        <option value={DRAFT}>Current draft</option>
        {(versions ?? []).map((v) => (
          <option key={v.tag} value={`v:${v.name}`}>
            Version “{v.name}”
          </option>
        ))}
        <option value={FILE}>A file (DOCX, HTML, Markdown, text)…</option>
      </select>
      {(side === 'old' ? oldChoice : newChoice) === FILE ? (
        <input
          type="file"
          accept=".docx,.html,.htm,.md,.markdown,.txt,.json"
          aria-label={side === 'old' ? 'Older file' : 'Newer file'}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setFiles((current) => ({ ...current, [side]: file }));
          }}
        />
      ) : null}
    </div>
  );

  return (
    <Dialog
      wide
      title={<>Versions of “{title}”</>}
      onClose={onClose}
      busy={busy !== null}
      actions={
        <button type="button" onClick={onClose} disabled={busy !== null}>
          Close
        </button>
      }
    >
      {saving ? (
        <SaveVersionForm userName={userName} keepsName={onFirstAuthor !== undefined} busy={busy !== null} onSave={(input) => void save(input)} onCancel={() => setSaving(false)} />
      ) : (
        <p>
          <button type="button" className="primary" onClick={() => setSaving(true)} title="Save Version (Ctrl+Shift+S)">
            Save a version…
          </button>{' '}
          <span className="muted">A version is a named, permanent copy of the project, kept in its git history.</span>
        </p>
      )}
      {damaged.map((problem) => (
        <p key={problem} className="field-error" role="alert">
          {problem}
        </p>
      ))}
      {versions === null ? (
        <p className="muted">Loading versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted">No version saved yet.</p>
      ) : (
        <div className="versions-scroll">
          <table className="versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Kind</th>
                <th scope="col">Author</th>
                <th scope="col">Saved</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.tag}>
                  <td>
                    <strong>{v.name}</strong>
                    {v.note ? <div className="muted version-note">{v.note}</div> : null}
                  </td>
                  <td>
                    <span className={`kind ${v.kind}`}>{v.kind === 'substantive' ? 'Substantive' : 'Editorial'}</span>
                  </td>
                  <td>{v.author}</td>
                  <td>
                    <time dateTime={v.createdAt}>{shortDateTime(v.createdAt)}</time>
                  </td>
                  <td className="version-actions">
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() =>
                        void compare(
                          async () => ({ kind: 'version', documentId, version: v.name }),
                          async () => ({ kind: 'draft', documentId }),
                        )
                      }
                    >
                      Compare with draft
                    </button>
                    <button type="button" disabled={busy !== null} onClick={() => void act('Restoring…', () => onRestore(v))}>
                      Restore as draft
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <fieldset className="compare-any">
        <legend>Compare any two</legend>
        <div className="compare-choices">
          {choices('old')}
          <span aria-hidden="true" className="compare-arrow">
            →
          </span>
          {choices('new')}
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() => void compare(() => asChosen(sourceOf(oldChoice, files.old)), () => sourceOf(newChoice, files.new))}
          >
            Compare
          </button>
        </div>
        {offerBefore ? (
          <label className="checkbox inline">
            <input type="checkbox" checked={before} onChange={(e) => setBefore(e.target.checked)} /> Older edition before its open
            suggestions (the draft against itself shows its suggestions)
          </label>
        ) : null}
      </fieldset>
      {busy ? (
        <p className="muted" role="status">
          <progress aria-label={busy} /> {busy}
        </p>
      ) : null}
      <FieldError message={error} />
    </Dialog>
  );
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
