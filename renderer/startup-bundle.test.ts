import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every source file the page evaluates before its first render: the entry chunk and the chunks it imports statically. */
async function startupInputs(): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['renderer/main.tsx'],
    tsconfig: 'renderer/tsconfig.json',
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    jsx: 'automatic',
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === 'renderer/main.tsx');
  if (!entry) throw new Error('no output for renderer/main.tsx');
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of outputs[name]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  return [...seen].flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
}

describe('the renderer at startup', () => {
  it('evaluates no zod: it never validates a document itself, and zod took a quarter of a second to load', async () => {
    const inputs = await startupInputs();
    expect(inputs.some((file) => file.startsWith('renderer/'))).toBe(true);
    expect(inputs.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
  });
});
