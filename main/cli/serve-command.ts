import * as readline from 'node:readline';
import type { WebHost } from '../web/server';
import type { CliIo } from './main';

/**
 * Prints the launch address and keeps the host up until Ctrl+C or termination. The address's code works once and
 * for a minute, so where a person sits at the terminal, Enter prints a fresh one (for a second browser, or when the
 * first one lapsed).
 */
export async function serveUntilStopped(host: WebHost, io: CliIo, input: NodeJS.ReadStream = process.stdin): Promise<void> {
  const interactive = input.isTTY === true;
  io.out(`Policywright is running at ${host.url}\n`);
  const hint = interactive ? 'Press Enter here for a new address, Ctrl+C to stop.' : 'Press Ctrl+C to stop.';
  io.out(`Open that address in your browser within a minute: it works once. ${hint}\n`);
  const lines = interactive ? readline.createInterface({ input }) : null;
  lines?.on('line', () => io.out(`New launch address: ${host.newLaunchUrl()}\n`));
  await new Promise<void>((resolve) => {
    const stop = () => {
      lines?.close();
      void host.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
