import * as readline from 'node:readline';
import type { WebHost } from '../web/launch';
import type { CliIo } from './main';

export interface ServeOptions {
  /** Where a person may press Enter; only a terminal is listened to. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Settles when the host should stop; by default at Ctrl+C or termination. */
  stopped?: Promise<void>;
}

/**
 * Prints the launch address and keeps the host up until stopped. The address's code works once and for a minute,
 * so where a person sits at the terminal, Enter prints a fresh one (for a second browser, or when the first lapsed).
 */
export async function serveUntilStopped(host: WebHost, io: CliIo, options: ServeOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const interactive = input.isTTY === true;
  io.out(`Policywright is running at ${host.url}\n`);
  const hint = interactive ? 'Press Enter here for a new address, Ctrl+C to stop.' : 'Press Ctrl+C to stop.';
  io.out(`Open that address in your browser within a minute: it works once. ${hint}\n`);
  const lines = interactive ? readline.createInterface({ input }) : null;
  lines?.on('line', () => io.out(`New launch address: ${host.newLaunchUrl()}\n`));
  try {
    await (options.stopped ?? signalled());
  } finally {
    lines?.close();
    await host.close();
  }
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
