import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeManifest } from '../../shared/format/serialize';
import { applyToFolder } from './project-writes';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-project-writes-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const listing = (...documents: string[]) => serializeManifest({ format: 1, name: 'Policies', documents });
const listed = async () => (JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as { documents: string[] }).documents;

describe('a sync writing the list of documents', () => {
  it('keeps a document added in the folder while it ran, beside the ones it brings', async () => {
    // The sync took the folder to list the privacy policy; another window added the cookie policy meanwhile.
    await fs.writeFile(path.join(dir, 'policywright.json'), listing('privacy-policy', 'cookie-policy'));
    await applyToFolder(dir, new Map([['policywright.json', listing('privacy-policy', 'terms')]]), listing('privacy-policy'));
    expect(await listed()).toEqual(['privacy-policy', 'cookie-policy', 'terms']);
  });

  it('writes its list as it is where the folder still lists what the sync took it to', async () => {
    await fs.writeFile(path.join(dir, 'policywright.json'), listing('privacy-policy', 'terms'));
    await applyToFolder(dir, new Map([['policywright.json', listing('terms')]]), listing('privacy-policy', 'terms'));
    expect(await listed()).toEqual(['terms']);
  });

  it('lets a list the person settled stand over the folder where both changed the same thing, keeping what was added', async () => {
    const named = (name: string, ...documents: string[]) => serializeManifest({ format: 1, name, documents });
    // The merge wrote "Policies"; meanwhile the name was edited by hand and a document added; the person chose "Theirs".
    await fs.writeFile(path.join(dir, 'policywright.json'), named('Edited by hand', 'privacy-policy', 'cookie-policy'));
    await applyToFolder(dir, new Map([['policywright.json', named('Theirs', 'privacy-policy')]]), named('Policies', 'privacy-policy'), 'given');
    const written = JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as { name: string; documents: string[] };
    expect(written).toMatchObject({ name: 'Theirs', documents: ['privacy-policy', 'cookie-policy'] });
  });

  it('replaces a list damaged in the folder with the one the person settled', async () => {
    await fs.writeFile(path.join(dir, 'policywright.json'), '{ "format": 1, "name": ');
    await applyToFolder(dir, new Map([['policywright.json', listing('privacy-policy', 'terms')]]), listing('privacy-policy'), 'given');
    expect(await listed()).toEqual(['privacy-policy', 'terms']);
  });

  it('waits while another process changes the list', async () => {
    await fs.writeFile(path.join(dir, 'policywright.json'), listing('privacy-policy'));
    const lock = path.join(dir, '.policywright.json.lock');
    await fs.writeFile(lock, 'another-computer 4242\n');
    let written = false;
    const sync = applyToFolder(dir, new Map([['policywright.json', listing('privacy-policy', 'terms')]]), listing('privacy-policy')).then(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(written).toBe(false);
    await fs.writeFile(path.join(dir, 'policywright.json'), listing('privacy-policy', 'faq'));
    await fs.unlink(lock);
    await sync;
    expect(await listed()).toEqual(['privacy-policy', 'faq', 'terms']);
  });
});
