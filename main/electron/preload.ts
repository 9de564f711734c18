// Runs sandboxed, before the page: it can require only 'electron', and the bundle inlines the two tiny shared lists
// (no zod, nothing else). The page gets one function per API method and a menu listener; never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_METHODS, IPC_PREFIX, MENU_COMMAND_CHANNEL } from '../../shared/api/methods';
import { isCommand } from '../../shared/api/commands';
import type { PolicywrightBridge } from '../../shared/api/bridge';

const api = Object.fromEntries(
  // Fixed channel names: the page cannot choose which channel to invoke.
  BRIDGE_METHODS.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input)]),
) as PolicywrightBridge['api'];

const bridge: PolicywrightBridge = {
  api,
  onMenuCommand(listener) {
    // The IPC event is not passed on: it carries `sender`, which is ipcRenderer.
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('policywright', bridge);
