import { describe, expect, it } from 'vitest';
import { p, policy, section } from '../../shared/testing/builders';
import { replyJson, serializeAhead, startupReplied } from './reply-json';

const bytesOf = (json: string | Buffer): Buffer => (typeof json === 'string' ? Buffer.from(json, 'utf8') : json);

/** Text a JSON writer could get wrong: quotes, backslashes, line breaks, non-ASCII, a character outside the BMP. */
const awkward = 'Data “shared” with \\ partners\nsuch as Müller & Søn — 😀 </script>';

function startupReply(document: ReturnType<typeof policy>) {
  return {
    ok: true,
    value: {
      project: { path: '/projects/Ö', name: awkward },
      recent: [{ name: 'Ö', path: '/projects/Ö' }],
      opening: { documentId: 'privacy-policy', document, stamp: 'abc' },
      journalKey: null,
    },
  };
}

describe('replyJson', () => {
  // First in this file: the module remembers, for the process, that a start-up reply went out.
  it('says once a start-up reply has gone out, after which a document read ahead is not made into JSON', () => {
    expect(startupReplied()).toBe(false);
    replyJson('loadDocument', { ok: true, value: { document: policy([]), stamp: 's' } });
    expect(startupReplied()).toBe(false);
    replyJson('getStartup', { ok: false, error: { message: 'No project is open.' } });
    expect(startupReplied()).toBe(true);
  });

  it('writes a document made ahead into getStartup’s reply as the same bytes JSON.stringify gives', () => {
    const document = policy([...section(1, 's-1', 'Scope', awkward), p('Last paragraph.')], { title: awkward });
    serializeAhead(document);
    const reply = startupReply(document);
    const json = replyJson('getStartup', reply);
    expect(Buffer.isBuffer(json)).toBe(true);
    expect(bytesOf(json).equals(Buffer.from(JSON.stringify(reply), 'utf8'))).toBe(true);
  });

  it('does the same for loadDocument’s reply', () => {
    const document = policy(section(1, 's-1', 'Scope', awkward));
    serializeAhead(document);
    const reply = { ok: true, value: { document, stamp: awkward } };
    const json = replyJson('loadDocument', reply);
    expect(Buffer.isBuffer(json)).toBe(true);
    expect(bytesOf(json).equals(Buffer.from(JSON.stringify(reply), 'utf8'))).toBe(true);
  });

  it('writes a document not made ahead (another object, even an equal one) as JSON.stringify does', () => {
    const document = policy(section(1, 's-1', 'Scope', awkward));
    serializeAhead(document);
    const equal = startupReply(structuredClone(document));
    expect(replyJson('getStartup', equal)).toBe(JSON.stringify(equal));
    const edited = structuredClone(document);
    edited.blocks.push(p('Added since.'));
    const reply = startupReply(edited);
    expect(replyJson('getStartup', reply)).toBe(JSON.stringify(reply));
  });

  it('leaves a reply of another method, or a failure, to JSON.stringify', () => {
    const document = policy(section(1, 's-1', 'Scope', 'Text.'));
    serializeAhead(document);
    expect(replyJson('syncStatus', startupReply(document))).toBe(JSON.stringify(startupReply(document)));
    const failure = { ok: false, error: { message: 'No project is open.' } };
    expect(replyJson('getStartup', failure)).toBe(JSON.stringify(failure));
    const noOpening = { ok: true, value: { project: null, opening: null } };
    expect(replyJson('getStartup', noOpening)).toBe(JSON.stringify(noOpening));
  });

  it('never lets the stand-in through, even where a project’s text names the same words', () => {
    const document = policy(section(1, 's-1', 'policywright-document-', 'policywright-document-0123'));
    serializeAhead(document);
    const reply = startupReply(document);
    const json = bytesOf(replyJson('getStartup', reply)).toString('utf8');
    expect(JSON.parse(json)).toEqual(reply);
    expect(json.match(/policywright-document-[0-9a-f]{32}/)).toBeNull();
  });
});
