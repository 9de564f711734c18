import type { IpcMain } from 'electron';
import { METHOD_NAMES, type Reply } from '../../shared/api/contract';
import { IPC_PREFIX } from '../../shared/api/methods';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { isTrustedSender } from './origin';

const REFUSED: Reply<never> = { ok: false, error: { message: 'This page is not allowed to use Policywright.' } };

/**
 * Serves every contract method over IPC through the same dispatcher as the web host. Each window has its own
 * workspace, so the handlers are looked up by the sending web contents. ipcMain is passed in (and imported only as a
 * type) so tests can drive this without Electron.
 */
export function registerIpc(ipc: Pick<IpcMain, 'handle'>, handlersFor: (webContentsId: number) => Handlers | undefined): void {
  for (const name of METHOD_NAMES) {
    ipc.handle(IPC_PREFIX + name, (event, input: unknown) => {
      const handlers = isTrustedSender(event.senderFrame) ? handlersFor(event.sender.id) : undefined;
      if (!handlers) {
        console.warn(`[policywright] refused ${name} from ${frameUrl(event.senderFrame)}`);
        return REFUSED;
      }
      return dispatch(handlers, name, input);
    });
  }
}

function frameUrl(frame: { readonly url: string } | null): string {
  try {
    return frame?.url ?? 'a frame that is gone';
  } catch {
    return 'a frame that is gone';
  }
}
