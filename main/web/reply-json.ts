import { randomBytes } from 'node:crypto';
import type { PolicyDocument } from '../../shared/model/document';

/**
 * The JSON of API replies, with a document read ahead written in as the bytes made for it then. The document a
 * window opens first is read while the page loads (readOpeningAhead); turning a 1,000,000-word policy into JSON and
 * UTF-8 then took 90–390 ms more of getStartup, a collection of the host's large heap often landing in it, while the
 * page had nothing to do but wait. Made ahead, the reply is those bytes with the few around them.
 *
 * A document's bytes are kept by its object, which the project hands out again only while its file is unchanged (and
 * never changes): an edited or re-read document is another object, written into its reply as usual.
 */
const ahead = new WeakMap<PolicyDocument, Buffer>();

/** Whether a getStartup reply has gone out: a document read ahead after that is made into JSON for nobody. */
let startupAnswered = false;

export function startupReplied(): boolean {
  return startupAnswered;
}

/** Makes a document's JSON now, for the reply that will carry it. */
export function serializeAhead(document: PolicyDocument): void {
  if (!ahead.has(document)) ahead.set(document, Buffer.from(JSON.stringify(document), 'utf8'));
}

/** Stands in a reply for a document whose bytes are written in after: no text a project holds can contain it. */
const STAND_IN = `policywright-document-${randomBytes(16).toString('hex')}`;
const STAND_IN_JSON = JSON.stringify(STAND_IN);

/**
 * The reply as JSON. The replies that carry a whole document (getStartup's first document, loadDocument's) are
 * looked into for one made ahead; every other reply is JSON.stringify's.
 */
export function replyJson(method: string, reply: unknown): string | Buffer {
  if (method === 'getStartup') startupAnswered = true;
  const carried = carriedDocument(method, reply);
  const bytes = carried && ahead.get(carried.document);
  if (!carried || !bytes) return JSON.stringify(reply);
  const text = JSON.stringify(carried.withStandIn(STAND_IN));
  const at = text.indexOf(STAND_IN_JSON);
  return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), bytes, Buffer.from(text.slice(at + STAND_IN_JSON.length), 'utf8')]);
}

interface Carried {
  document: PolicyDocument;
  /** The reply with the document replaced by `standIn`, all else as it is. */
  withStandIn(standIn: string): unknown;
}

function carriedDocument(method: string, reply: unknown): Carried | null {
  if (!isRecord(reply) || reply.ok !== true || !isRecord(reply.value)) return null;
  const value = reply.value;
  if (method === 'loadDocument' && isRecord(value.document)) {
    const document = value.document as unknown as PolicyDocument;
    return { document, withStandIn: (standIn) => ({ ...reply, value: { ...value, document: standIn } }) };
  }
  if (method === 'getStartup' && isRecord(value.opening) && isRecord(value.opening.document)) {
    const opening = value.opening;
    const document = opening.document as unknown as PolicyDocument;
    return { document, withStandIn: (standIn) => ({ ...reply, value: { ...value, opening: { ...opening, document: standIn } } }) };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
