import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../store/errors';
import { hasSystemGit } from './system-git';

/**
 * A remote's address as it may be kept in .git/config: http(s) (isomorphic-git speaks git's smart HTTP), never with
 * a user name or password in it, since .git/config is read by every tool and copied with the folder; or the full path
 * of a bare repository in a folder (a shared drive), given as a path or a file:// URL, which needs the system's git.
 * Returns the address without a trailing slash, a folder as its full path.
 */
export function checkRemoteUrl(text: string, gitInstalled: () => boolean = hasSystemGit): string {
  const trimmed = text.trim();
  const folder = folderOf(trimmed);
  if (folder !== null) {
    if (!gitInstalled()) {
      throw new UserError(`${folder} is a folder: syncing with a repository in a folder needs git installed on this computer (git-scm.com), or give the git server's HTTPS address instead.`);
    }
    return folder;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new UserError(`"${text}" is not a web address; give the repository's HTTPS address, such as https://git.example.com/team/policies.git, or the full path of a bare repository's folder.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(
      `${url.href.replace(/\/\/[^@/]*@/, '//')} is not an HTTPS address; Policywright syncs with git servers over HTTPS (or HTTP on this computer), or with a bare repository in a folder.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw new UserError(
      `The address ${url.href} was given with a user name or password in it, which would be stored in the project's .git/config; give the address without them and the credentials in POLICYWRIGHT_GIT_USERNAME and POLICYWRIGHT_GIT_PASSWORD (or POLICYWRIGHT_GIT_TOKEN).`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Whether a checked remote is a folder (synced with the system's git) rather than a server. */
export function isFolderRemote(address: string): boolean {
  return folderOf(address) !== null;
}

/** The full path a folder remote names: an absolute path (POSIX, a Windows drive or share) or a file:// URL; else null. */
function folderOf(text: string): string | null {
  if (/^file:\/\//i.test(text)) {
    try {
      return strip(fileURLToPath(text));
    } catch {
      return null;
    }
  }
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\')) return strip(path.resolve(text));
  return null;
}

function strip(folder: string): string {
  return folder.length > 1 ? folder.replace(/[\\/]+$/, '') : folder;
}

/** The server's name for messages: scheme, host and port, never a path, user or password; a folder as its path. */
export function serverOf(url: string): string {
  if (isFolderRemote(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the server';
  }
}
