import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentProjects } from './recent';

let home: string;

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-recent-'));
});

afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute));

describe('RecentProjects', () => {
  it('is empty before anything is remembered, without creating a file', async () => {
    expect(await RecentProjects.in(home).list()).toEqual([]);
    expect(await fs.readdir(home)).toEqual([]);
  });

  it('lists the most recently opened first, with the time it was opened', async () => {
    const recent = RecentProjects.in(home);
    await recent.remember({ name: 'A', path: '/projects/a' }, at(1));
    await recent.remember({ name: 'B', path: '/projects/b' }, at(2));
    await recent.remember({ name: 'C', path: '/projects/c' }, at(3));
    expect(await recent.list()).toEqual([
      { name: 'C', path: '/projects/c', openedAt: '2026-01-15T10:03:00.000Z' },
      { name: 'B', path: '/projects/b', openedAt: '2026-01-15T10:02:00.000Z' },
      { name: 'A', path: '/projects/a', openedAt: '2026-01-15T10:01:00.000Z' },
    ]);
  });

  it('keeps one entry a folder, moving a reopened one to the top with its new name', async () => {
    const recent = RecentProjects.in(home);
    await recent.remember({ name: 'A', path: '/projects/a' }, at(1));
    await recent.remember({ name: 'B', path: '/projects/b' }, at(2));
    await recent.remember({ name: 'A renamed', path: '/projects/a' }, at(3));
    expect(await recent.list()).toEqual([
      { name: 'A renamed', path: '/projects/a', openedAt: '2026-01-15T10:03:00.000Z' },
      { name: 'B', path: '/projects/b', openedAt: '2026-01-15T10:02:00.000Z' },
    ]);
  });

  it('keeps at most ten, dropping the oldest', async () => {
    const recent = RecentProjects.in(home);
    for (let i = 1; i <= 12; i++) await recent.remember({ name: `P${i}`, path: `/projects/${i}` }, at(i));
    const list = await recent.list();
    expect(list).toHaveLength(10);
    expect(list.map((p) => p.name)).toEqual(['P12', 'P11', 'P10', 'P9', 'P8', 'P7', 'P6', 'P5', 'P4', 'P3']);
  });

  it('survives in the file: a new instance reads what an old one wrote', async () => {
    await RecentProjects.in(home).remember({ name: 'A', path: '/projects/a' }, at(1));
    expect((await RecentProjects.in(home).list()).map((p) => p.path)).toEqual(['/projects/a']);
    expect(await fs.readdir(home)).toEqual(['recent-projects.json']);
  });

  it('creates the home folder when it does not exist yet', async () => {
    const nested = path.join(home, 'a', 'b');
    await RecentProjects.in(nested).remember({ name: 'A', path: '/projects/a' }, at(1));
    expect(await RecentProjects.in(nested).list()).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"projects": [ {"name": '],
    ['the wrong shape', '{"projects": "none"}'],
    ['entries missing fields', '{"projects": [{"name": "A"}]}'],
    ['an array', '[]'],
    ['null', 'null'],
    ['an empty file', ''],
  ])('treats a damaged file (%s) as an empty list', async (_what, text) => {
    await fs.writeFile(path.join(home, 'recent-projects.json'), text);
    const recent = RecentProjects.in(home);
    expect(await recent.list()).toEqual([]);
    await recent.remember({ name: 'A', path: '/projects/a' }, at(1));
    expect((await recent.list()).map((p) => p.name)).toEqual(['A']);
  });

  it('treats an unreadable path (a folder where the file should be) as an empty list', async () => {
    await fs.mkdir(path.join(home, 'recent-projects.json'));
    expect(await RecentProjects.in(home).list()).toEqual([]);
  });
});
