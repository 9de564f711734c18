import type { Block, NumberingStyle, PolicyDocument, Run } from '../model/document';
import { referencePlaceholder } from '../model/vocabulary';
import { h, p, policy } from './builders';

/** A cross-reference run to `section`, as the editor stores it; with `title`, it shows the section's title too. */
export const ref = (section: string, title = false): Run => ({ text: referencePlaceholder(section), ref: section, ...(title ? { refTitle: true as const } : {}) });

/**
 * A policy whose text refers to its own sections: from the opening text, from a list item, to a section two levels
 * down with its title, and once to a section that is gone. In decimal numbering the references read "2.1",
 * "2.1.1 (Keys)", "1" and the missing flag.
 */
export function referringPolicy(numbering: NumberingStyle = 'decimal'): PolicyDocument {
  const blocks: Block[] = [
    h(1, 's-scope001', 'Scope'),
    p('Access is limited as Section ', ref('s-access01'), ' says; keys are in ', ref('s-keys0001', true), '.'),
    h(2, 's-who00001', 'Who'),
    { kind: 'list-item', list: 'bullet', indent: 0, runs: [{ text: 'Everyone named in Section ' }, ref('s-scope001')] },
    h(1, 's-secur001', 'Security'),
    h(2, 's-access01', 'Access'),
    p('Only staff, under Section ', ref('s-scope001'), '.'),
    h(3, 's-keys0001', 'Keys'),
    p('Rotated yearly (see ', ref('s-gone0001'), ').'),
  ];
  return policy(blocks, { title: 'Referring Policy', numbering });
}
