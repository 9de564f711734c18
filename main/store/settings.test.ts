import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettings } from './settings';

let home: string;
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-settings-'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

const write = (text: string) => fs.writeFile(path.join(home, 'settings.json'), text);

describe('the identity in the app settings', () => {
  it('is unset in a settings file from before it existed, which keeps its team library', async () => {
    await write('{"teamLibrary": "/team"}');
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: '/team', identity: null });
  });

  it('is kept with its initials and email, and the team library stays as it was', async () => {
    await write('{"teamLibrary": "/team"}');
    const settings = AppSettings.in(home);
    await settings.update({ identity: { name: 'Ada Lovelace', initials: 'AL', email: 'ada@example.org' } });
    expect(await settings.get()).toEqual({ teamLibrary: '/team', identity: { name: 'Ada Lovelace', initials: 'AL', email: 'ada@example.org' } });
    await settings.update({ teamLibrary: null });
    expect((await settings.get()).identity?.name).toBe('Ada Lovelace');
  });

  it('reads as unset when damaged, without costing the team library', async () => {
    await write(JSON.stringify({ teamLibrary: '/team', identity: { name: '', email: 'not an address' } }));
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: '/team', identity: null });
    await write(JSON.stringify({ teamLibrary: '/team', identity: { name: 'Bea\u0000' } }));
    expect((await AppSettings.in(home).get()).identity).toBeNull();
  });

  it('is read trimmed', async () => {
    await write(JSON.stringify({ identity: { name: '  Bea Smith ' } }));
    expect(await AppSettings.in(home).get()).toEqual({ teamLibrary: null, identity: { name: 'Bea Smith' } });
  });
});
