/**
 * The stylesheets the page imports for their effect (renderer/main.tsx): Vite bundles them. The renderer's type check
 * resolves every side-effect import (noUncheckedSideEffectImports), so that a bare `import 'node:fs'` fails there as
 * a named one does; this says a stylesheet is a module it need not look into.
 */
declare module '*.css';
