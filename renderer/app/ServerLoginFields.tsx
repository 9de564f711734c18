/** What a person types to reach a git server; the password never leaves main once sent (see credentials.ts). */
export interface ServerLogin {
  url: string;
  username: string;
  password: string;
}

export const NO_LOGIN: ServerLogin = { url: '', username: '', password: '' };

interface Props {
  login: ServerLogin;
  onChange: (login: ServerLogin) => void;
  autoFocus?: boolean;
}

/** The server's address and, when it asks for them, a user name and a password or access token. */
export function ServerLoginFields({ login, onChange, autoFocus = false }: Props) {
  const set = (field: keyof ServerLogin) => (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...login, [field]: event.target.value });
  return (
    <>
      <label className="field">
        <span>Server address</span>
        <input
          name="url"
          value={login.url}
          onChange={set('url')}
          placeholder="https://git.example.com/team/policies.git"
          autoFocus={autoFocus}
          required
          spellCheck={false}
          autoComplete="url"
        />
        <small className="muted">The repository’s HTTPS address on the team’s git server, or the folder of a bare repository on a shared drive.</small>
      </label>
      <div className="field-pair">
        <label className="field">
          <span>User name</span>
          <input name="username" value={login.username} onChange={set('username')} autoComplete="username" spellCheck={false} />
        </label>
        <label className="field">
          <span>Password or access token</span>
          <input name="password" type="password" value={login.password} onChange={set('password')} autoComplete="current-password" />
        </label>
      </div>
      <small className="muted">Kept for this server in Policywright’s settings on this computer, never in the project folder.</small>
    </>
  );
}
