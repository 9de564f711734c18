/**
 * React saves and restores the selection around every commit while focus is inside an element whose
 * `contentEditable` property is "true", and to do so it walks every node beneath it (facebook/react#9992): some
 * 30,000 nodes in a 100,000-word policy, 4 to 8 ms of every keystroke. Slate keeps the selection itself, so React's
 * save and restore is wasted work. React checks only the property; the browser and Slate go by the attribute, which
 * this leaves alone. `npm run bench` measures the effect (editor.keystroke.*); remove this if a React update reads the
 * attribute instead.
 */
export function hideEditableFromReactSelection(root: HTMLElement): () => void {
  const own = Object.getOwnPropertyDescriptor(root, 'contentEditable');
  Object.defineProperty(root, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => root.setAttribute('contenteditable', String(value)),
  });
  return () => {
    if (own) Object.defineProperty(root, 'contentEditable', own);
    else delete (root as { contentEditable?: string }).contentEditable;
  };
}
