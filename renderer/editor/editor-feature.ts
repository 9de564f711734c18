/**
 * How a feature (the clause library, find and replace) plugs into the document editor while the editor knows nothing of it: the editor
 * hands the feature a FeatureHost (the Slate editor, the status line, a place to register its commands), and the
 * feature hands back FeatureSlots (side panels, dialogs, drag and drop, what its blocks show in the page), which the
 * layout puts in place. The app decides which feature an editor gets (see EditorFeature).
 */
import { createContext, createElement, Fragment, type ComponentType, type DragEvent, type ReactNode } from 'react';
import type { Command } from '../../shared/api/commands';
import type { CommentThread, PolicyDocument } from '../../shared/model/document';
import type { Steps } from '../../shared/steps/steps';
import type { BlockElement, PolicyEditor } from './types';

/** A tab beside the Document panel in the right column. */
export interface FeatureTab {
  id: string;
  name: string;
  panel: ReactNode;
}

/** What a block or an inline element of the feature shows in the page beside its text (never part of the text). */
export interface Adornments {
  /** Drawn at the top of a block that has a `clause` field. */
  Block: ComponentType<{ element: BlockElement }>;
  /** Drawn in place of a variable's placeholder. */
  Variable: ComponentType<{ name: string }>;
}

export interface FeatureSlots {
  tabs: readonly FeatureTab[];
  /** Dialogs, drawn over the editor. */
  overlay: ReactNode;
  adornments: Adornments | null;
  /** A drop on the page; true when the feature took it. */
  onDrop?: (event: DragEvent<HTMLDivElement>) => boolean;
  onDragOver?: (event: DragEvent<HTMLDivElement>) => boolean;
  /** A bar above the page (find and replace). */
  bar?: ReactNode;
  /** Brings a tab to the front (its column shown) each time `times` changes: a feature that asks for the person's eye. */
  reveal?: { tab: string; times: number };
}

export const NO_SLOTS: FeatureSlots = { tabs: [], overlay: null, adornments: null };

/** What a feature does when the editor runs a command or the blocks change (never per key). */
export interface FeatureHandlers {
  /** A command the editor itself does not run; true when the feature ran it. */
  run?(command: Command): boolean;
  /** Blocks came, went, or changed their fields. */
  blocksChanged?(): void;
  /** Any change to the document, typing included: so called per key, it may only take note (a flag, a timer). */
  changed?(): void;
}

/** What the editor does for a feature that reaches beyond the page as it is drawn. */
export interface FeatureHostTools {
  /** Draws every block now, for a feature about to reach one far away (chunk-mounter.ts). */
  drawAll(): void;
  /** Renders typing held for later (render-after-paint.ts), so that Slate's map of the page is current. */
  renderNow(): void;
  /** The document as it stands, in the stored model (a whole-document conversion: never per key). */
  document?(): PolicyDocument;
  /** The blocks and numbering as they stand, converted a piece at a time (renderer/common/idle-steps.ts runs it). */
  blocksInSteps?(): Steps<Pick<PolicyDocument, 'blocks' | 'numbering'>>;
  /** Shows a section's heading at the top of the page with the cursor at its end, as the outline does. */
  jumpToSection?(id: string): void;
  /** The document's comment threads, kept with its details (saved with every save). */
  comments?(): readonly CommentThread[];
  /** Replaces the comment threads: the document is then unsaved, and saved as any edit is. */
  setComments?(threads: readonly CommentThread[]): void;
}

/** The editor's side, one per editor: made with it, kept for its life. */
export class FeatureHost {
  private readonly handlers = new Set<FeatureHandlers>();

  constructor(
    readonly editor: PolicyEditor,
    /** Shows a line in the editor's status bar. */
    readonly say: (message: string) => void,
    readonly tools: FeatureHostTools = { drawAll: () => undefined, renderNow: () => undefined },
  ) {}

  /** Returns the function that unregisters. */
  register(handlers: FeatureHandlers): () => void {
    this.handlers.add(handlers);
    return () => void this.handlers.delete(handlers);
  }

  run(command: Command): boolean {
    for (const handlers of this.handlers) if (handlers.run?.(command)) return true;
    return false;
  }

  blocksChanged(): void {
    for (const handlers of this.handlers) handlers.blocksChanged?.();
  }

  changed(): void {
    for (const handlers of this.handlers) handlers.changed?.();
  }
}

/**
 * A feature, as the app gives it to the editor: given the host and the editor's own rendering, it renders that with
 * its slots (inside whatever providers its adornments read).
 */
export type EditorFeature = (host: FeatureHost, render: (slots: FeatureSlots) => ReactNode) => ReactNode;

/** Several features as one: each renders inside the one before it, and their slots are put together. */
export function combineFeatures(...features: readonly EditorFeature[]): EditorFeature {
  return (host, render) => {
    const nest = features.reduceRight<(outer: FeatureSlots) => ReactNode>(
      (inner, feature) => (outer) => feature(host, (slots) => inner(mergeSlots(outer, slots))),
      render,
    );
    return nest(NO_SLOTS);
  };
}

function mergeSlots(a: FeatureSlots, b: FeatureSlots): FeatureSlots {
  if (a === NO_SLOTS) return b;
  if (b === NO_SLOTS) return a;
  const onDrop = a.onDrop && b.onDrop ? (event: DragEvent<HTMLDivElement>) => a.onDrop?.(event) || (b.onDrop?.(event) ?? false) : (a.onDrop ?? b.onDrop);
  const onDragOver =
    a.onDragOver && b.onDragOver ? (event: DragEvent<HTMLDivElement>) => a.onDragOver?.(event) || (b.onDragOver?.(event) ?? false) : (a.onDragOver ?? b.onDragOver);
  return {
    tabs: [...a.tabs, ...b.tabs],
    overlay: createElement(Fragment, null, a.overlay, b.overlay),
    adornments: a.adornments ?? b.adornments,
    ...(onDrop ? { onDrop } : {}),
    ...(onDragOver ? { onDragOver } : {}),
    bar: a.bar || b.bar ? createElement(Fragment, null, a.bar, b.bar) : undefined,
    ...(a.reveal || b.reveal ? { reveal: a.reveal ?? b.reveal } : {}),
  };
}

export const AdornmentsContext = createContext<Adornments | null>(null);
