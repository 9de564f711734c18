/**
 * The clause library's part of the document editor, plugged in as an EditorFeature (editor-feature.ts): its commands
 * (insert, unlink, new clause from selection), drag and drop from the panel, drift (which uses have a newer version)
 * worked out after typing pauses, the Clauses and Variables panels, its dialogs, and the bar and chips its blocks and
 * variables show in the page. The editor knows none of it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { ProjectClient } from '../../shared/api/client';
import { shortcutText, type Command } from '../../shared/api/commands';
import type { DocumentDrift } from '../../shared/api/contract';
import type { Block, ClauseSource } from '../../shared/model/document';
import type { ClauseEdit } from '../../shared/clauses/schema';
import type { ClauseLibrary, LibraryClause } from '../../shared/clauses/library';
import { clauseLookup, driftOf, type Drift } from '../../shared/clauses/drift';
import { variableNamesIn, type VariableValues } from '../../shared/model/variables';
import { Dialog } from '../common/Dialog';
import { onRefusal } from '../editor/clause-lock';
import { blocksOfUse, clauseDraftFromSelection, insertClause, unlinkClause, updateClause, type InsertMode } from '../editor/clause-commands';
import type { Adornments, FeatureHost, FeatureSlots } from '../editor/editor-feature';
import { ClauseViewContext, type ClauseView } from './clause-context';
import { ClauseBar, VariableChip } from './ClauseBar';
import { CLAUSE_DRAG_TYPE, ClausePanel } from './ClausePanel';
import { ClauseEditorDialog, type ClauseDraft } from './ClauseEditorDialog';
import { InsertClauseDialog } from './InsertClauseDialog';
import { UpdateClauseDialog } from './UpdateClauseDialog';
import { VariablesPanel } from './VariablesPanel';

/** What the app keeps for the whole project and hands to the editor of whichever document is open. */
export interface ClauseTools {
  client: ProjectClient;
  library: ClauseLibrary | null;
  variables: VariableValues;
  setLibrary(library: ClauseLibrary): void;
  setVariables(values: VariableValues): void;
  openDocument(id: string): void;
}

const ADORNMENTS: Adornments = { Block: ClauseBar, Variable: VariableChip };

const DRIFT_DELAY_MS = 300;

interface Props {
  host: FeatureHost;
  tools: ClauseTools | undefined;
  /** The editor, rendered with this feature's slots. */
  children: (slots: FeatureSlots) => ReactNode;
}

export function ClauseFeature({ host, tools, children }: Props) {
  const { editor, say } = host;
  const library = tools?.library ?? null;
  const variables = useMemo(() => tools?.variables ?? {}, [tools?.variables]);
  const lookup = useMemo(() => clauseLookup(library?.clauses ?? []), [library]);

  const [drift, setDrift] = useState<ReadonlyMap<string, Drift>>(new Map());
  const [updating, setUpdating] = useState<string | null>(null);
  const [editing, setEditing] = useState<ClauseDraft | null>(null);
  const [palette, setPalette] = useState(false);
  const [outdated, setOutdated] = useState<DocumentDrift[] | null>(null);

  // Only each block's clause field is read (one pass over the top-level blocks), after typing pauses.
  const computeDrift = useCallback(() => {
    const found = driftOf(editor.children as unknown as Block[], lookup);
    setDrift(new Map(found.map((d) => [d.use.use, d])));
  }, [editor, lookup]);
  // The timer runs the latest computeDrift: one set before the library changed (a clause saved while the pause after
  // an insertion still ran) would otherwise read the old library when it fires, and take the new drift away again.
  const latestCompute = useRef(computeDrift);
  latestCompute.current = computeDrift;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleDrift = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latestCompute.current(), DRIFT_DELAY_MS);
  }, []);
  useEffect(computeDrift, [computeDrift]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  useEffect(
    () =>
      onRefusal(editor, (message, index) => {
        say(message);
        // The clause itself shows where the refusal came from, for a moment.
        const node = editor.children[index];
        if (!node) return;
        const element = ReactEditor.toDOMNode(editor, node);
        element.classList.remove('refused');
        void element.offsetWidth;
        element.classList.add('refused');
      }),
    [editor, say],
  );

  const insert = useCallback(
    (clause: LibraryClause, mode: InsertMode) => {
      setPalette(false);
      if (!editor.selection) Transforms.select(editor, Editor.end(editor, []));
      const outcome = insertClause(editor, clause, mode);
      if (outcome) say(outcome);
      else if (clause.undefinedVariables.length > 0) say(`“${clause.title}” uses ${clause.undefinedVariables.join(', ')}, which this project does not define yet: see Variables.`);
      ReactEditor.focus(editor);
    },
    [editor, say],
  );

  const unlink = useCallback(
    (useId?: string) => {
      const outcome = unlinkClause(editor, useId);
      if (outcome) say(outcome);
      else say(`Unlinked: the text is now ordinary text you can edit. Undo (${shortcutText('undo')}) links it again.`);
    },
    [editor, say],
  );

  const newFromSelection = useCallback(() => {
    const draft = clauseDraftFromSelection(editor);
    if (!draft || draft.blocks.length === 0) {
      say('Select the text for the new clause, or put the cursor in a section to make a clause of its text.');
      return;
    }
    setEditing({ isNew: true, source: 'project', id: '', title: draft.title, status: 'draft', version: 1, topics: [], jurisdictions: [], blocks: draft.blocks });
  }, [editor, say]);

  const run = useCallback(
    (command: Command): boolean => {
      if (command === 'insertClause') setPalette(true);
      else if (command === 'unlinkClause') unlink();
      else if (command === 'newClauseFromSelection') newFromSelection();
      else return false;
      return true;
    },
    [unlink, newFromSelection],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      const key = event.dataTransfer.getData(CLAUSE_DRAG_TYPE);
      if (!key) return false;
      event.preventDefault();
      const [source, id] = key.split(':') as [ClauseSource, string];
      const clause = lookup(source, id);
      const range = ReactEditor.resolveEventRange(editor, event);
      if (!clause) return true;
      if (range) Transforms.select(editor, range);
      insert(clause, 'body');
      return true;
    },
    [lookup, editor, insert],
  );

  // A page only accepts a drop it has said yes to while the drag passes over it.
  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(CLAUSE_DRAG_TYPE)) return false;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    return true;
  }, []);

  const saveClause = useCallback(
    async (source: ClauseSource, edit: ClauseEdit, isNew: boolean): Promise<string | null> => {
      if (!tools) return 'No project is open.';
      try {
        const saved = await tools.client.saveClause({ source, clause: edit, isNew });
        tools.setLibrary(await tools.client.listClauses({}));
        setEditing(null);
        say(`Saved “${saved.title}”, version ${saved.version}.`);
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    [tools, say],
  );

  const attachTeam = useCallback(
    async (path: string | null): Promise<string | null> => {
      if (!tools) return null;
      try {
        tools.setLibrary(await tools.client.setTeamLibrary({ path }));
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    [tools],
  );

  const checkOutdated = useCallback(() => {
    if (!tools) return;
    tools.client.listOutdatedClauseUses({}).then(
      (result) => setOutdated(result.documents),
      (e: unknown) => say(e instanceof Error ? e.message : String(e)),
    );
  }, [tools, say]);

  // Registered before the editor's handle reaches the app (a child's layout effect runs before its parent's).
  useLayoutEffect(() => host.register({ run, blocksChanged: scheduleDrift }), [host, run, scheduleDrift]);

  const view: ClauseView = useMemo(() => ({ lookup, drift, variables, unlink, showUpdate: setUpdating }), [lookup, drift, variables, unlink]);

  const undefinedNames = useMemo(() => {
    const names = new Set<string>();
    for (const clause of library?.clauses ?? []) for (const name of variableNamesIn(clause.blocks)) if (!Object.hasOwn(variables, name)) names.add(name);
    return [...names].sort();
  }, [library, variables]);

  const panel: ReactNode = (
    <ClausePanel
      library={library}
      variables={variables}
      onInsert={insert}
      onEdit={(clause) =>
        setEditing({
          isNew: false,
          source: clause.source,
          id: clause.id,
          title: clause.title,
          status: clause.status,
          version: clause.version,
          topics: clause.tags.topic,
          jurisdictions: clause.tags.jurisdiction,
          blocks: clause.blocks,
        })
      }
      onNewFromSelection={newFromSelection}
      onAttachTeam={attachTeam}
      outdated={outdated}
      onCheckOutdated={checkOutdated}
      onOpenDocument={(id) => tools?.openDocument(id)}
    />
  );
  const variablesPanel: ReactNode = <VariablesPanel variables={variables} undefinedNames={undefinedNames} onChange={(next) => tools?.setVariables(next)} />;

  const updatingDrift = updating ? drift.get(updating) : undefined;
  const updatingClause = updatingDrift ? lookup(updatingDrift.use.source, updatingDrift.use.id) : undefined;
  const dialogs: ReactNode = (
    <>
      {palette && library ? <InsertClauseDialog clauses={library.clauses} onInsert={insert} onClose={() => setPalette(false)} /> : null}
      {editing ? <ClauseEditorDialog draft={editing} teamAvailable={!!library?.team && !library.team.problem} onSave={saveClause} onClose={() => setEditing(null)} /> : null}
      {updating && updatingDrift && !updatingClause ? (
        <MissingClauseNotice onClose={() => setUpdating(null)} id={updatingDrift.use.id} />
      ) : null}
      {updating && updatingDrift && updatingClause ? (
        <UpdateClauseDialog
          current={blocksOfUse(editor, updating)}
          clause={updatingClause}
          usedVersion={updatingDrift.use.version}
          variables={variables}
          onClose={() => setUpdating(null)}
          onUpdate={() => {
            const outcome = updateClause(editor, updating, updatingClause);
            setUpdating(null);
            say(outcome ?? `Updated to “${updatingClause.title}” version ${updatingClause.version}. Undo (${shortcutText('undo')}) brings back the earlier wording.`);
            computeDrift();
          }}
        />
      ) : null}
    </>
  );

  const slots: FeatureSlots = {
    tabs: [
      { id: 'clauses', name: 'Clauses', panel },
      { id: 'variables', name: 'Variables', panel: variablesPanel },
    ],
    overlay: dialogs,
    adornments: ADORNMENTS,
    onDrop,
    onDragOver,
  };
  return <ClauseViewContext.Provider value={view}>{children(slots)}</ClauseViewContext.Provider>;
}

function MissingClauseNotice({ id, onClose }: { id: string; onClose: () => void }) {
  return (
    <Dialog
      title={<>Clause “{id}” is not in the library</>}
      onClose={onClose}
      actions={
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <p>It may have been renamed or removed, or it came from a team library that is not attached. The text here is unchanged; unlink it to make it ordinary text.</p>
    </Dialog>
  );
}
