import { FORMAT_VERSION, type Block, type PolicyDocument } from '../model/document';

/** Small documents for compare tests, written the way a person reads them: `h1 s-aaaaaa Title`, then paragraphs. */
export function policy(blocks: Block[], extra: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    format: FORMAT_VERSION,
    title: 'Privacy Policy',
    effectiveDate: '2026-01-01',
    lastUpdated: '2026-01-01',
    versionLabel: '1.0',
    owner: 'Legal',
    numbering: 'decimal',
    blocks,
    ...extra,
  };
}

export function h(level: number, id: string, title: string): Block {
  return { kind: 'heading', id, level, runs: [{ text: title }] };
}

export function p(text: string): Block {
  return { kind: 'paragraph', runs: [{ text }] };
}

export function li(text: string, list: 'bullet' | 'number' = 'bullet'): Block {
  return { kind: 'list-item', list, indent: 0, runs: [{ text }] };
}
