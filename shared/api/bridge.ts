import type { Reply } from './contract';
import type { BRIDGE_METHODS } from './methods';
import type { Command } from './commands';

/**
 * What the Electron preload puts on `window.policywright`: one function per API method, each carrying its call over
 * IPC, and a way to hear menu commands. Nothing else crosses from Node into the page.
 */
export interface PolicywrightBridge {
  api: { [M in (typeof BRIDGE_METHODS)[number]]: (input: unknown) => Promise<Reply<unknown>> };
  onMenuCommand(listener: (command: Command) => void): () => void;
}
