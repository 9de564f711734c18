import { commandForKeyPress, type Command } from '../../shared/api/commands';

/** The command a key press asks for, if any, by the one command table (shared/api/commands.ts). */
export function commandForKey(event: KeyboardEvent | React.KeyboardEvent): Command | null {
  return commandForKeyPress(event);
}
