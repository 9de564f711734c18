import { UserError } from '../store/errors';

/**
 * A remote's address as it may be kept in .git/config: http(s) only (isomorphic-git speaks git's smart HTTP), and
 * never with a user name or password in it, since .git/config is read by every tool and copied with the folder.
 * Returns the address without a trailing slash.
 */
export function checkRemoteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(`"${text}" is not a web address; give the repository's HTTPS address, such as https://git.example.com/team/policies.git.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`${url.href.replace(/\/\/[^@/]*@/, '//')} is not an HTTPS address; Policywright syncs with git servers over HTTPS (or HTTP on this computer).`);
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

/** The server's name for messages: scheme, host and port, never a path, user or password. */
export function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the server';
  }
}
