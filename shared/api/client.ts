import type { MethodInput, MethodName, MethodResult, Reply } from './contract';
import { BRIDGE_METHODS } from './methods';

/** How a host carries one call; each host supplies its own (IPC, or fetch to the web host). */
export type Transport = (method: MethodName, input: unknown) => Promise<Reply<unknown>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly method: MethodName,
    message: string,
  ) {
    super(message);
  }
}

export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResult<M>>;
};

/** A typed proxy over a transport: the renderer's only way to reach the main process. */
export function createApiClient(transport: Transport): ApiClient {
  const client: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  // The zod-free list of names (methods.ts; a test checks it against the contract): the renderer loads no schemas.
  for (const name of BRIDGE_METHODS) {
    client[name] = async (input: unknown) => {
      const reply = await transport(name, input);
      if (!reply.ok) throw new ApiError(name, reply.error.message);
      return reply.value;
    };
  }
  return client as ApiClient;
}
