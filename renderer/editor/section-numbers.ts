import { createContext } from 'react';
import type { NumberingStyle } from '../../shared/model/document';
import { numberSections } from '../../shared/numbering/number';
import type { ReferenceTarget } from '../../shared/numbering/references';
import { standsWhenAccepted, stoodBeforeSuggestions } from '../../shared/review/suggestions';
import type { BlockElement, HeadingElement } from './types';
import { KeyedListeners } from '../common/keyed-listeners';

export interface SectionLabel {
  readonly label: string;
  readonly depth: number;
}

export interface OutlineItem {
  readonly id: string;
  readonly label: string;
  readonly depth: number;
  readonly title: string;
}

type Listener = () => void;

/** The open document's numbers, for what the page draws: headings, and the cross-references that show them. */
export const SectionNumbersContext = createContext<SectionNumberStore | null>(null);

/**
 * Section numbers and the outline, computed from the headings and handed out per section, so that renumbering
 * re-renders only the headings whose number changed. Typing in a body never reaches here; see change-kinds.ts.
 *
 * A heading's own number is written by the store straight into its number element (`numberRef`), with the heading's
 * depth: a subscription per heading, as React hooks, cost about 500 bytes each, 10 MB in a 20,000-section policy. A
 * heading's render reads the same store, so the page and a later render always agree.
 */
export class SectionNumberStore {
  private labels = new Map<string, SectionLabel>();
  /** The numbers, before the suggestions, of the headings suggested away (deleted, or moved from there). */
  private oldLabels = new Map<string, string>();
  private outline: OutlineItem[] = [];
  /** What a cross-reference to each section shows (shared/numbering/references.ts), kept from the same walk. */
  private targets = new Map<string, ReferenceTarget>();
  private readonly byId = new KeyedListeners();
  private readonly outlineListeners = new Set<Listener>();
  /** The number element of each heading in the page, by section id. */
  private readonly numberElements = new Map<string, HTMLElement>();

  update(nodes: readonly BlockElement[], style: NumberingStyle): void {
    // Numbered as the document will be with every suggestion accepted: a heading suggested away takes no number.
    const headings: Array<{ id: string; level: number; unnumbered?: true; title: string }> = [];
    let suggested = false;
    for (const node of nodes) {
      if (node.type !== 'heading') continue;
      if (node.change || node.relevel) suggested = true;
      if (standsWhenAccepted(node)) headings.push({ id: node.id, level: node.level, ...(node.unnumbered ? { unnumbered: true as const } : {}), title: headingText(node) });
    }
    const numbers = numberSections(headings, style);
    const oldChanged = this.updateOldLabels(suggested ? nodes : [], style);
    const next = new Map<string, SectionLabel>();
    const targets = new Map<string, ReferenceTarget>();
    const changed: string[] = [];
    const outline: OutlineItem[] = [];
    numbers.forEach((n, i) => {
      const title = headings[i]?.title ?? '';
      const previous = this.labels.get(n.id);
      const label = previous && previous.label === n.label && previous.depth === n.depth ? previous : { label: n.label, depth: n.depth };
      const was = this.targets.get(n.id);
      const target = was && was.number === n.reference && was.title === title ? was : { number: n.reference, title };
      if (label !== previous || target !== was) changed.push(n.id);
      next.set(n.id, label);
      targets.set(n.id, target);
      outline.push({ id: n.id, label: n.label, depth: n.depth, title });
    });
    // A section gone (deleted, or suggested away) tells its references, which then show themselves flagged.
    for (const id of this.targets.keys()) if (!targets.has(id)) changed.push(id);
    this.labels = next;
    this.targets = targets;
    if (!sameOutline(this.outline, outline)) {
      this.outline = outline;
      for (const listener of this.outlineListeners) listener();
    }
    if (this.numberElements.size > 0) for (const id of changed) this.writeNumber(id);
    this.byId.notify(oldChanged.length === 0 ? changed : new Set([...changed, ...oldChanged]));
  }

  /**
   * The ref of a heading's number element (which carries `data-number-for` with the section's id): one function for all
   * of them, so that React calls it only as the element comes and goes.
   */
  numberRef = (element: HTMLElement | null): (() => void) | undefined => {
    const id = element?.dataset.numberFor;
    if (!element || !id) return undefined;
    this.numberElements.set(id, element);
    return () => {
      if (this.numberElements.get(id) === element) this.numberElements.delete(id);
    };
  };

  private writeNumber(id: string): void {
    const element = this.numberElements.get(id);
    const label = this.labels.get(id);
    if (!element || !label) return;
    element.textContent = label.label;
    const heading = element.closest<HTMLElement>('.section-heading');
    if (!heading) return;
    heading.setAttribute('aria-level', String(headingLevel(label.depth)));
    for (const name of [...heading.classList]) if (/^depth-\d+$/.test(name)) heading.classList.remove(name);
    heading.classList.add(depthClass(label.depth));
  }

  /** Numbers the document as it was before the suggestions, keeping those of the headings suggested away; returns the ids whose number changed. */
  private updateOldLabels(nodes: readonly BlockElement[], style: NumberingStyle): string[] {
    const next = new Map<string, string>();
    if (nodes.length > 0) {
      const before: Array<{ id: string; level: number; unnumbered?: true }> = [];
      for (const node of nodes) {
        if (node.type === 'heading' && stoodBeforeSuggestions(node)) before.push({ id: node.id, level: node.relevel?.was || node.level, ...(node.unnumbered ? { unnumbered: true as const } : {}) });
      }
      const gone = new Set(nodes.flatMap((node) => (node.type === 'heading' && !standsWhenAccepted(node) ? [node.id] : [])));
      for (const n of numberSections(before, style)) if (gone.has(n.id)) next.set(n.id, n.label);
    }
    const changed = [...new Set([...next.keys(), ...this.oldLabels.keys()])].filter((id) => next.get(id) !== this.oldLabels.get(id));
    this.oldLabels = next;
    return changed;
  }

  label(id: string): SectionLabel | undefined {
    return this.labels.get(id);
  }

  /** Every section's cross-reference target, for referenceText(); the same map until the numbers next change. */
  referenceTargets(): ReadonlyMap<string, ReferenceTarget> {
    return this.targets;
  }

  oldLabel(id: string): string | undefined {
    return this.oldLabels.get(id);
  }

  subscribe(id: string, listener: Listener): () => void {
    return this.byId.subscribe(id, listener);
  }

  getOutline = (): OutlineItem[] => this.outline;

  subscribeOutline = (listener: Listener): (() => void) => {
    this.outlineListeners.add(listener);
    return () => this.outlineListeners.delete(listener);
  };
}

/** The ARIA level of a heading at a depth of the outline (level 1 is the document's title). */
export function headingLevel(depth: number): number {
  return Math.min(depth + 1, 9);
}

/** The class that indents a heading at a depth of the outline. */
export function depthClass(depth: number): string {
  return `depth-${Math.min(depth, 6)}`;
}

function headingText(node: HeadingElement): string {
  let text = '';
  for (const child of node.children) {
    if ('text' in child) text += child.text;
    else for (const leaf of child.children) text += leaf.text;
  }
  return text.trim();
}

function sameOutline(a: readonly OutlineItem[], b: readonly OutlineItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as OutlineItem;
    const y = b[i] as OutlineItem;
    if (x.id !== y.id || x.label !== y.label || x.title !== y.title || x.depth !== y.depth) return false;
  }
  return true;
}
