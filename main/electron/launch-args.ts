import * as path from 'node:path';

/**
 * The project folder named on the command line, if any. Electron's argv starts with the executable, and in
 * development (`electron .`) also with the app folder; Chromium and macOS add their own switches, all starting with "-".
 */
export function projectArgument(argv: readonly string[], cwd: string, defaultApp: boolean): string | undefined {
  const arg = argv.slice(defaultApp ? 2 : 1).find((a) => a !== '' && !a.startsWith('-'));
  return arg === undefined ? undefined : path.resolve(cwd, arg);
}
