import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type Transport } from './client';
import { API, METHOD_NAMES, isMethodName, type MethodName, type Reply } from './contract';
import { BRIDGE_METHODS } from './methods';

describe('the API contract', () => {
  it('lists the same methods as the preload bridge', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(METHOD_NAMES).toHaveLength(new Set(METHOD_NAMES).size);
  });

  it.each(['getStartup', 'saveDocument', 'pickFolder'])('knows %s', (name) => expect(isMethodName(name)).toBe(true));

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '', 'GetStartup', 'getStartup '])(
    'does not take %j for a method',
    (name) => expect(isMethodName(name)).toBe(false),
  );

  it('defaults createProject.sample to false and trims the path', () => {
    expect(API.createProject.input.parse({ path: '  /tmp/x  ', name: 'P' })).toEqual({ path: '/tmp/x', name: 'P', sample: false });
  });

  it.each([
    ['openProject', { path: '   ' }],
    ['openProject', { path: 'x'.repeat(4097) }],
    ['createProject', { path: '/x', name: ' ' }],
    ['createDocument', { title: '' }],
    ['createDocument', { title: 'Bell\u0007' }],
    ['createDocument', { title: 'x'.repeat(301) }],
    ['pickFolder', { purpose: 'delete' }],
    ['getStartup', { anything: 1 }],
    ['loadDocument', { documentId: '../etc/passwd' }],
  ] as const)('%s rejects %j', (method, input) => {
    expect(API[method].input.safeParse(input).success).toBe(false);
  });
});

describe('createApiClient', () => {
  const okTransport: Transport = async (method, input) => ({ ok: true, value: { method, input } });

  it('has exactly one function for each method in the contract', () => {
    const client = createApiClient(okTransport);
    expect(Object.keys(client).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof client[name]).toBe('function');
  });

  it.each(METHOD_NAMES)('%s passes its method name and input to the transport and returns the value', async (name) => {
    const transport = vi.fn<Transport>(async () => ({ ok: true, value: `result of ${name}` }));
    const client = createApiClient(transport) as unknown as Record<MethodName, (input: unknown) => Promise<unknown>>;
    const input = { marker: name };
    await expect(client[name](input)).resolves.toBe(`result of ${name}`);
    expect(transport).toHaveBeenCalledTimes(1);
    expect(transport).toHaveBeenCalledWith(name, input);
    expect(transport.mock.calls[0]?.[1]).toBe(input);
  });

  it('returns falsy values as they are', async () => {
    const client = createApiClient(async () => ({ ok: true, value: null }));
    await expect(client.pickFolder({ purpose: 'open' })).resolves.toBeNull();
  });

  it('throws an ApiError carrying the message and the method when the reply is a failure', async () => {
    const reply: Reply<never> = { ok: false, error: { message: 'No project is open. Open or create a project first.' } };
    const client = createApiClient(async () => reply);
    const error = await client.loadDocument({ project: '/p', documentId: 'privacy-policy' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect((error as ApiError).message).toBe('No project is open. Open or create a project first.');
    expect((error as ApiError).method).toBe('loadDocument');
    expect((error as ApiError).name).toBe('ApiError');
  });

  it('lets a transport failure through unchanged', async () => {
    const boom = new TypeError('Failed to fetch');
    const client = createApiClient(async () => {
      throw boom;
    });
    await expect(client.getStartup({})).rejects.toBe(boom);
  });
});
