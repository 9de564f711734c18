import { memo } from 'react';
import type { PolicyDocument } from '../../shared/model/document';
import { DEFAULT_LANGUAGE, DOCUMENT_LANGUAGES, NUMBERING_STYLES, type DocumentLanguage, type NumberingStyle } from '../../shared/model/vocabulary';
import { STYLE_NAMES } from '../../shared/numbering/styles';

/** The document's details: what is not its text. Its footnotes travel in their marks, in the text (convert.ts). */
export type DocumentMeta = Omit<PolicyDocument, 'blocks' | 'format' | 'notes'>;

interface Props {
  meta: DocumentMeta;
  onChange: (meta: DocumentMeta) => void;
}

/** The document's own facts: what a reader sees at the top of the policy, and how its sections are numbered. */
export const DocumentPanel = memo(function DocumentPanel({ meta, onChange }: Props) {
  const set = <K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K]) => onChange({ ...meta, [key]: value });
  return (
    <aside className="document-panel" aria-label="Document">
      <h2 className="panel-title">Document</h2>
      <label className="field">
        <span>Title</span>
        <input value={meta.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />
        {meta.title.trim() === '' ? <span className="field-error">A title is required.</span> : null}
      </label>
      <label className="field">
        <span>Effective date</span>
        <input type="date" value={meta.effectiveDate ?? ''} onChange={(e) => set('effectiveDate', e.target.value || null)} />
      </label>
      <label className="field">
        <span>Last updated</span>
        <input type="date" value={meta.lastUpdated ?? ''} onChange={(e) => set('lastUpdated', e.target.value || null)} />
      </label>
      <label className="field">
        <span>Version label</span>
        <input value={meta.versionLabel} maxLength={100} placeholder="e.g. 2.1" onChange={(e) => set('versionLabel', e.target.value)} />
      </label>
      <label className="field">
        <span>Owner</span>
        <input value={meta.owner} maxLength={200} placeholder="e.g. Legal & Compliance" onChange={(e) => set('owner', e.target.value)} />
      </label>
      <label className="field">
        <span>Language</span>
        <select value={meta.language ?? DEFAULT_LANGUAGE} onChange={(e) => set('language', e.target.value as DocumentLanguage)}>
          {Object.entries(DOCUMENT_LANGUAGES).map(([tag, name]) => (
            <option key={tag} value={tag}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Numbering</span>
        <select value={meta.numbering} onChange={(e) => set('numbering', e.target.value as NumberingStyle)}>
          {NUMBERING_STYLES.map((style) => (
            <option key={style} value={style}>
              {STYLE_NAMES[style]}
            </option>
          ))}
        </select>
      </label>
    </aside>
  );
});
