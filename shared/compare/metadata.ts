import type { PolicyDocument } from '../model/document';
import { METADATA_FIELDS, type MetadataChange, type MetadataField } from './types';

const LABELS: Record<MetadataField, string> = {
  title: 'Title',
  effectiveDate: 'Effective date',
  lastUpdated: 'Last updated',
  versionLabel: 'Version label',
  owner: 'Owner',
  numbering: 'Numbering style',
};

export function metadataChanges(oldDoc: PolicyDocument, newDoc: PolicyDocument): MetadataChange[] {
  return METADATA_FIELDS.flatMap((field) => {
    const before = oldDoc[field] ?? '';
    const after = newDoc[field] ?? '';
    return before === after ? [] : [{ field, label: LABELS[field], old: before, new: after }];
  });
}
