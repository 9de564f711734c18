/**
 * Commands a person can give from the menu, the toolbar or the keyboard. The Electron menu sends these names to the
 * renderer; the renderer's own toolbar and shortcuts run the same ones.
 */
export const COMMANDS = [
  'newProject',
  'openProject',
  'newDocument',
  'importDocument',
  'exportDocument',
  'save',
  'saveVersion',
  'showVersions',
  'undo',
  'redo',
  'insertSection',
  'insertSubsection',
  'demoteSection',
  'promoteSection',
  'moveSectionUp',
  'moveSectionDown',
  'bold',
  'italic',
  'underline',
  'link',
  'bulletedList',
  'numberedList',
  'insertClause',
  'unlinkClause',
  'newClauseFromSelection',
] as const;

export type Command = (typeof COMMANDS)[number];

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
