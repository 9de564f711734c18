import { createHash, randomBytes } from 'node:crypto';

/**
 * The session cookie. `__Host-` makes the browser refuse it unless it is Secure, has Path=/ and no Domain, so no
 * other name can set or widen it. Chromium accepts Secure cookies over plain http on `*.localhost` because it counts
 * those origins as potentially trustworthy (checked with Debian's Chromium in session-browser.oracle.test.ts).
 */
export const SESSION_COOKIE = '__Host-policywright';

/** How long a launch code stays usable before its first use. */
export const LAUNCH_CODE_LIFETIME_MS = 60_000;

export type Clock = () => number;

/**
 * Launch codes and the sessions they are traded for. A code works once and only for a minute, so the launch
 * address in the browser's history, session restore or cache opens nothing; the session secret it buys is a
 * different random value that travels only in the cookie. Only SHA-256 digests are kept and looked up, so neither
 * a lookup's timing nor a memory dump of the tables hands out a usable value.
 */
export class Sessions {
  private readonly codes = new Map<string, number>();
  private readonly sessions = new Set<string>();

  constructor(private readonly now: Clock = Date.now) {}

  /** 128 bits, printed in the launch address. */
  newLaunchCode(): string {
    this.forgetExpired();
    const code = randomBytes(16).toString('base64url');
    this.codes.set(digest(code), this.now() + LAUNCH_CODE_LIFETIME_MS);
    return code;
  }

  /** A new session secret (256 bits) for a live code, which is used up by this call; null for any other code. */
  redeem(code: string): string | null {
    const key = digest(code);
    const expires = this.codes.get(key);
    this.codes.delete(key);
    if (expires === undefined || this.now() > expires) return null;
    const secret = randomBytes(32).toString('base64url');
    this.sessions.add(digest(secret));
    return secret;
  }

  isSession(secret: string | undefined): boolean {
    return !!secret && this.sessions.has(digest(secret));
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, expires] of this.codes) if (now > expires) this.codes.delete(key);
  }
}

export function sessionCookie(secret: string): string {
  return `${SESSION_COOKIE}=${secret}; Secure; HttpOnly; SameSite=Strict; Path=/`;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
