import { useCallback, useEffect, useState } from 'react';
import type { ProjectClient } from '../../shared/api/client';
import type { SyncConflictFile, SyncResult } from '../../shared/api/contract';
import { Dialog } from '../common/Dialog';
import { FieldError } from '../common/FieldError';
import { DocumentConflicts } from './DocumentConflicts';
import type { PlaceChoice } from './SectionConflictView';

interface Props {
  client: ProjectClient;
  /** The last file was settled: the merge is finished and synced (or the sync after it says why not). */
  onDone: (result: SyncResult) => void;
  onClose: () => void;
}

/**
 * The files a person and a colleague changed at the same place, each with what differs and a choice of side; the
 * engine finishes the merge when the last is settled. The other documents stay editable meanwhile (close the dialog).
 */
export function SyncConflictsDialog({ client, onDone, onClose }: Props) {
  const [files, setFiles] = useState<SyncConflictFile[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setFiles((await client.listSyncConflicts({})).filter((file) => !file.resolved));
    } catch (problem) {
      setError((problem as Error).message);
    }
  }, [client]);
  useEffect(() => void load(), [load]);

  const resolve = async (file: string, take: 'mine' | 'theirs' | Array<PlaceChoice & { conflict: number }>) => {
    setBusy(true);
    setError(null);
    try {
      const result = Array.isArray(take) ? await client.resolveSyncSections({ file, choices: take }) : await client.resolveSyncConflict({ file, take });
      if (result.status === 'needs-attention') await load();
      else onDone(result);
    } catch (problem) {
      setError((problem as Error).message);
      await load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Changes to resolve" onClose={onClose} busy={busy} wide cancel="Later">
      <p>You and a colleague changed the same place. Each file holds your text until you choose; a document is settled section by section.</p>
      {files === null ? <p>Reading the conflicts…</p> : null}
      {files?.length === 0 ? <p>Nothing is left to resolve.</p> : null}
      <ul className="sync-conflicts">
        {files?.map((file) => (
          <li key={file.file} className="sync-conflict">
            <h3 title={file.file}>{file.title}</h3>
            {file.sections.length > 0 ? (
              <DocumentConflicts file={file} busy={busy} onResolve={(choices) => void resolve(file.file, choices)} />
            ) : (
              <WholeFileConflict file={file} busy={busy} onResolve={(take) => void resolve(file.file, take)} />
            )}
          </li>
        ))}
      </ul>
      <FieldError message={error} />
    </Dialog>
  );
}

/** A file settled as a whole (a clause, the variables, the project file): keep mine or take theirs. */
function WholeFileConflict({ file, busy, onResolve }: { file: SyncConflictFile; busy: boolean; onResolve: (take: 'mine' | 'theirs') => void }) {
  return (
    <>
      <dl>
        {file.differences.map((difference, i) => (
          <div key={i} className="sync-difference">
            <dt>{difference.where}</dt>
            <dd>
              <span className="sync-side">Yours:</span> {difference.mine}
            </dd>
            <dd>
              <span className="sync-side">Theirs:</span> {difference.theirs}
            </dd>
          </div>
        ))}
      </dl>
      <div className="conflict-actions">
        <button type="button" disabled={busy} onClick={() => onResolve('mine')} aria-label={`Keep mine: ${file.title}`}>
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={() => onResolve('theirs')} aria-label={`Take theirs: ${file.title}`}>
          Take theirs
        </button>
      </div>
    </>
  );
}
