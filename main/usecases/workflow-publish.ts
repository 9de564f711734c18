import { localSecond } from '../../shared/model/dates';
import { WorkflowError, publish } from '../../shared/workflow/machine';
import { UserError } from '../store/errors';
import type { Project } from '../store/project';
import type { ProjectWorkflow } from '../store/workflow-store';
import { listVersions, saveVersion } from './versions';

export interface PublishOptions {
  note: string;
  effectiveDate: string | undefined;
  lastUpdated: string | undefined;
}

/**
 * Publishes the approved text: writes the effective date and "last updated" into it when asked (dates only, so the
 * wording approved is the wording published), saves a version (a commit and a tag the team can rely on) and records
 * the step with the version's tag. When the version cannot be saved, the dates are put back as they were.
 */
export async function publishVersion(project: Project, store: ProjectWorkflow, documentId: string, options: PublishOptions, person: string, now: Date): Promise<void> {
  const { workflow, edition } = await store.read(documentId);
  // Refused before anything is written: no dates and no published tag for a document that is not approved.
  try {
    publish(workflow, { edition, tag: 'check', at: now.toISOString(), effectiveDate: null });
  } catch (error) {
    if (error instanceof WorkflowError) throw new UserError(error.message);
    throw error;
  }
  const restore = await setDates(project, documentId, options);
  const approvers = workflow.approvers.join(', ');
  const dates = [options.effectiveDate ? `Effective ${options.effectiveDate}.` : '', options.lastUpdated ? `Last updated ${options.lastUpdated}.` : ''].filter(Boolean).join(' ');
  let version;
  try {
    version = await saveVersion(project.dir, {
      name: await freeName(project.dir, `Published ${documentId} ${localSecond(now)}`),
      note: [`Approved by ${approvers}.`, dates, options.note].filter(Boolean).join('\n'),
      kind: 'substantive',
      author: person,
      documentId,
    });
  } catch (error) {
    await restore();
    throw error;
  }
  const effectiveDate = (await project.loadDocument(documentId)).effectiveDate;
  const note = [`Version "${version.name}" (${version.tag}).`, dates, options.note].filter(Boolean).join('\n');
  await store.apply(documentId, { name: 'Published', note, person }, (wf, current) => publish(wf, { edition: current, tag: version.tag, at: now.toISOString(), effectiveDate }));
}

/** Writes the dates asked for into the saved document; returns how to put the text back as it was. */
async function setDates(project: Project, documentId: string, options: PublishOptions): Promise<() => Promise<void>> {
  if (options.effectiveDate === undefined && options.lastUpdated === undefined) return async () => undefined;
  const { document, stamp } = await project.readDocument(documentId);
  const dated = { ...document, effectiveDate: options.effectiveDate ?? document.effectiveDate, lastUpdated: options.lastUpdated ?? document.lastUpdated };
  const saved = await project.saveDocument(documentId, dated, stamp);
  return async () => {
    await project.saveDocument(documentId, document, saved.stamp).catch(() => undefined);
  };
}

/** The name, or with " (2)", " (3)" … after it when a version already has it (two publications within one second). */
async function freeName(projectDir: string, name: string): Promise<string> {
  const taken = new Set((await listVersions(projectDir)).map((v) => v.name.normalize('NFC').toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.normalize('NFC').toLowerCase()); n++) candidate = `${name} (${n})`;
  return candidate;
}
