import * as os from 'node:os';

/**
 * The name of the person at the keyboard: POLICYWRIGHT_USER_NAME where it is set (a shared machine account, a
 * container, or a second person's web host in the end-to-end tests), else the system's name for them; "Policywright
 * user" where the system will not say.
 */
export function systemUserName(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.POLICYWRIGHT_USER_NAME?.trim();
  if (chosen) return chosen;
  try {
    const name = os.userInfo().username.trim();
    return name === '' ? 'Policywright user' : name;
  } catch {
    return 'Policywright user';
  }
}
