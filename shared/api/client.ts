import type { ErrorCode, MethodInput, MethodName, MethodResult, Reply } from './contract';
import { BRIDGE_METHODS } from './methods';

/** How a host carries one call; each host supplies its own (IPC, or fetch to the web host). */
export type Transport = (method: MethodName, input: unknown) => Promise<Reply<unknown>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly method: MethodName,
    message: string,
    /** Set where the renderer must do more than show the sentence (a save that met another writer's change). */
    readonly code?: ErrorCode,
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
      if (!reply.ok) throw new ApiError(name, reply.error.message, reply.error.code);
      return reply.value;
    };
  }
  return client as ApiClient;
}

/** The methods that are about one project: their input names it. */
export type ProjectMethod = { [M in MethodName]: MethodInput<M> extends { project: string } ? M : never }[MethodName];

/**
 * The calls about one project, with the project filled in: what a window hands to everything it shows of that
 * project. A save made through it can only ever reach that project, whatever the window has opened since.
 */
export type ProjectClient = { readonly projectPath: string } & {
  [M in ProjectMethod]: (input: Omit<MethodInput<M>, 'project'>) => Promise<MethodResult<M>>;
};

export function bindProject(client: ApiClient, projectPath: string): ProjectClient {
  const bound: Record<string, unknown> = { projectPath };
  // The type lets only the project's methods through; each call gets the project added to what it was given.
  for (const name of BRIDGE_METHODS) {
    const call = client[name] as (input: unknown) => Promise<unknown>;
    bound[name] = (input: object) => call({ ...input, project: projectPath });
  }
  return bound as ProjectClient;
}
