import { longDay } from '../model/dates';
import type { PreparedDocument } from './prepare';

/**
 * What Word shows under File ▸ Info and what document management systems index: title, subject, author, a description
 * with version and dates, and the same facts as custom properties, which a records system can read one by one.
 */
export function docxProperties(doc: PreparedDocument) {
  const details = [
    doc.versionLabel ? `Version ${doc.versionLabel}` : '',
    doc.effectiveDate ? `effective ${longDay(doc.effectiveDate)}` : '',
    doc.lastUpdated ? `last updated ${longDay(doc.lastUpdated)}` : '',
  ].filter((part) => part !== '');
  const custom = [
    { name: 'Version', value: doc.versionLabel },
    { name: 'Effective date', value: doc.effectiveDate ?? '' },
    { name: 'Last updated', value: doc.lastUpdated ?? '' },
    { name: 'Owner', value: doc.owner },
    { name: 'Numbering', value: doc.numbering },
  ];
  return {
    title: doc.title,
    subject: doc.title,
    creator: doc.owner || 'Policywright',
    lastModifiedBy: 'Policywright',
    description: details.length > 0 ? `${details.join(', ')}.` : '',
    keywords: ['policy', ...(doc.versionLabel ? [`version ${doc.versionLabel}`] : [])].join(', '),
    customProperties: custom.filter((property) => property.value !== ''),
  };
}
