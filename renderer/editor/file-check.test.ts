import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema } from '../../shared/model/document';
import { blocksToSlate } from './convert';
import { checkSameAsFile } from './file-check';
import { StoredText } from './stored-text';

const SAMPLE = path.resolve(__dirname, '../../assets/sample-project/documents/privacy-policy.policy.json');
/** As main/store/document-stamp.ts names a file: the SHA-256 of its bytes. */
const stampOf = (bytes: Buffer | string) => `sha256-${createHash('sha256').update(bytes).digest('base64url')}`;

describe('checkSameAsFile', () => {
  beforeEach(() => {
    // No idle callbacks in Node: onIdle then runs its steps in tasks of their own (window.setTimeout).
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => vi.unstubAllGlobals());

  const editionOfSample = (text = fs.readFileSync(SAMPLE, 'utf8')) => {
    const { blocks, ...meta } = parseFile(PolicyDocumentSchema, text, 'privacy-policy.policy.json');
    return new StoredText().edition(meta, blocksToSlate(blocks));
  };
  const check = (edition: ReturnType<typeof editionOfSample>, stamp: string) => new Promise<boolean>((resolve) => checkSameAsFile(edition, stamp, resolve));

  it('finds the document as read the same as its file, by the file’s stamp', async () => {
    expect(await check(editionOfSample(), stampOf(fs.readFileSync(SAMPLE)))).toBe(true);
  });

  it('finds it different from a file that differs by one character, or that is written otherwise (a byte-order mark)', async () => {
    const bytes = fs.readFileSync(SAMPLE, 'utf8');
    expect(await check(editionOfSample(), stampOf(bytes.replace('Privacy', 'Privacz')))).toBe(false);
    expect(await check(editionOfSample(), stampOf(`\ufeff${bytes}`))).toBe(false);
  });

  it('hashes text beyond one byte a character as the file’s UTF-8', async () => {
    const text = fs.readFileSync(SAMPLE, 'utf8').replace('Privacy Policy', 'Política de privacidad — 隐私政策 😀');
    expect(await check(editionOfSample(text), stampOf(Buffer.from(text, 'utf8')))).toBe(true);
  });

  it('tells nothing once stopped', async () => {
    const told = vi.fn();
    const stop = checkSameAsFile(editionOfSample(), stampOf(fs.readFileSync(SAMPLE)), told);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(told).not.toHaveBeenCalled();
  });
});
