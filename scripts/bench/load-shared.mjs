// shared/ is TypeScript: the bench bundles the pieces it needs with esbuild and loads them from memory.
import { build } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundles `exportLines` (export statements relative to the repository root), packages included, into one module.
 * Bundled CommonJS packages ask for Node built-ins with require(), which an ES module lacks: the banner gives one.
 */
export async function loadShared(exportLines) {
  const result = await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    banner: {
      js: `import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});`,
    },
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
