import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The walls, kept by the linter as well as by each part's tsconfig (shared/ and renderer/ compile without Node's types).
 *
 * Between the parts: shared/ is pure TypeScript (no Node, no DOM, no UI library) and runs everywhere; renderer/ has no
 * Node and reaches main only through the typed API client; nothing imports renderer/.
 *
 * Inside each part, layers, in the manner of VS Code's code-layering lint. A file imports its own folder and the folders
 * of lower layers; never a higher layer, nor another folder of its own layer:
 *   shared/    model < (numbering, format, find) < (clauses, workflow) < (compare, merge, check) < (export, import) < api
 *   renderer/  (common, api) < editor < (clauses, versions, compare, find, check) < (app, bench)
 *   main/      store < (import, sync) < (compare, export) < usecases < api < (web, electron, cli)
 * format reads and writes the document files: it imports the model alone, and the clause library stores its clauses
 * with it. Files at a part's root (renderer/main.tsx and boot.ts, main/version.ts) are entry points outside the layers.
 *
 * Tests, and the helpers only tests use, may reach across the layers and use Node; nothing else imports them.
 */
const LAYERS = {
  shared: [['model'], ['numbering', 'format', 'find'], ['clauses', 'workflow'], ['compare', 'merge', 'check'], ['export', 'import'], ['api']],
  renderer: [['common', 'api'], ['editor'], ['clauses', 'versions', 'compare', 'find', 'check'], ['app', 'bench']],
  main: [['store'], ['import', 'sync'], ['compare', 'export'], ['usecases'], ['api'], ['web', 'electron', 'cli']],
};

/** The only ways into another folder of the same layer. */
const SIDE_DOORS = {
  // The CLI starts the web host through its launch entry and knows nothing else of it.
  'main/cli': ['web/launch'],
  // The desktop shell serves the built renderer as the web host does: the same content security policy and files.
  'main/electron': ['web/security', 'web/static'],
};


/** Tests and their helpers: exempt from the layers and from the Node walls, and imported by nothing else. */
const TEST_FILES = ['**/*.test.ts', '**/test-*.ts', '**/*-test-documents.ts', 'shared/testing/**', 'testing/**', 'main/store/testing/**', 'main/store/hostile-projects.ts'];
// Not the part's own code: tests and their helpers, and the bundler's configs (which run in Node).
const NOT_PART_CODE = [...TEST_FILES, '**/vite.config.*'];
const TEST_SUPPORT = {
  regex: '(^|/)(testing/|test-[\\w-]+$|[\\w-]+-test-documents$|hostile-projects$)',
  message: 'Test support (shared/testing/, test-*.ts, hostile fixtures) is for tests only.',
};

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];
const nodeOnlyGlobals = [
  ...new Set([
    ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'],
    ...Object.keys(globals.node).filter((name) => !(name in globals.browser)),
  ]),
];

const PARTS = {
  shared: {
    paths: ['electron', 'react', 'react-dom', 'slate', 'slate-dom', 'slate-react', 'slate-history', ...nodeBuiltins],
    patterns: [
      { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node modules.' },
      { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and pure libraries.' },
    ],
    noNode: 'shared/ runs in the renderer too: no Node globals.',
  },
  renderer: {
    paths: ['electron', ...nodeBuiltins],
    patterns: [
      { group: ['node:*'], message: 'The renderer has no Node: ask main through the API client.' },
      { group: ['**/main/**'], message: 'The renderer reaches main only through the typed API client (shared/api).' },
      {
        regex: '(^|/)shared/export/',
        message: 'The renderer imports no exporter: what the editor shares with them lives in shared/model or shared/numbering.',
      },
    ],
    noNode: 'The renderer has no Node: ask main through the API client.',
  },
  main: {
    paths: [],
    patterns: [{ group: ['**/renderer/**'], message: 'Nothing imports the renderer.' }],
  },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern refusing every import its `regex` names, except the exact specifiers of `allowed` (a lookahead first). */
function except(pattern, allowed) {
  if (!pattern.regex || allowed.length === 0) return pattern;
  return { ...pattern, regex: `^(?!(?:${allowed.map(escape).join('|')})$)(?:.*?)(?:${pattern.regex})` };
}

/** The folders a folder of `part` may not import: every higher layer, and the others of its own layer. */
function layerPattern(part, folder) {
  const layers = LAYERS[part];
  const at = layers.findIndex((layer) => layer.includes(folder));
  const above = layers.slice(at + 1).flat();
  const beside = layers[at].filter((other) => other !== folder);
  const doors = SIDE_DOORS[`${part}/${folder}`] ?? [];
  const order = layers.map((layer) => (layer.length > 1 ? `(${layer.join(', ')})` : layer[0])).join(' < ');
  const targets = [...above, ...beside].join('|');
  const door = doors.length > 0 ? `(?!(?:${doors.map(escape).join('|')})$)` : '';
  return {
    // `../api/…`, and the roundabout `../../shared/api/…` from inside shared/.
    regex: `^(\\.\\./)+(${part}/)?${door}(${targets})(/|$)`,
    message: `${part}/${folder}/ imports only the layers below it: ${order}.`,
  };
}

function importRule(part, patterns, allowed = []) {
  const { paths } = PARTS[part];
  return {
    'no-restricted-imports': ['error', { paths, patterns: [...PARTS[part].patterns, ...patterns, TEST_SUPPORT].map((p) => except(p, allowed)) }],
  };
}

/** One block per folder (ESLint replaces, never merges, a rule's options), and one per file allowed a crossing. */
function layerBlocks(part) {
  const blocks = [{ files: [`${part}/**/*.{ts,tsx}`], ignores: NOT_PART_CODE, rules: importRule(part, []) }];
  for (const folder of LAYERS[part].flat()) {
    blocks.push({ files: [`${part}/${folder}/**/*.{ts,tsx}`], ignores: NOT_PART_CODE, rules: importRule(part, [layerPattern(part, folder)]) });
  }
  return blocks;
}

function noNodeGlobals(part) {
  return {
    files: [`${part}/**/*.{ts,tsx}`],
    // Unit tests run in Node. Test helpers keep their part's globals and import by name what Node they need (shared/testing
    // is type-checked with the tests, not in shared's program, which has no Node types).
    ignores: ['**/*.test.ts', '**/vite.config.*'],
    rules: { 'no-restricted-globals': ['error', ...nodeOnlyGlobals.map((name) => ({ name, message: PARTS[part].noNode }))] },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Node's globals where Node runs: main/, the end-to-end tests, the scripts and configs, and every unit test.
  { ignores: ['shared/**', 'renderer/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', '**/vite.config.*'], languageOptions: { globals: { ...globals.node } } },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['**/*.test.ts', '**/vite.config.*'], languageOptions: { globals: { ...globals.browser } } },
  noNodeGlobals('shared'),
  noNodeGlobals('renderer'),
  ...layerBlocks('shared'),
  ...layerBlocks('renderer'),
  ...layerBlocks('main'),
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.{js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PARTS.main.patterns[0]] }] },
  },
  {
    files: ['main/**/*.test.ts', 'main/**/test-*.ts', 'main/store/hostile-projects.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PARTS.main.patterns[0]] }] },
  },
  // The hooks rules: the classic two, and those of the React Compiler's rules that the renderer keeps today.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/static-components': 'error',
      'react-hooks/use-memo': 'error',
      'react-hooks/void-use-memo': 'error',
      'react-hooks/globals': 'error',
      'react-hooks/purity': 'error',
      'react-hooks/set-state-in-render': 'error',
      'react-hooks/error-boundaries': 'error',
      'react-hooks/unsupported-syntax': 'error',
      'react-hooks/incompatible-library': 'error',
      'react-hooks/config': 'error',
      'react-hooks/gating': 'error',
    },
  },
);
