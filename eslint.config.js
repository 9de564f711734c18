import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The walls between the three parts, kept by the linter as well as by each part's tsconfig:
 * shared/ is pure TypeScript; renderer/ reaches main only through the API client; nothing imports renderer/.
 */
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'slate', 'slate-react', 'slate-history', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node modules.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and pure libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // Unit tests of the renderer run in Node and may read fixtures from disk.
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask main through the API client.' },
            { group: ['**/main/**'], message: 'The renderer reaches main only through the typed API client (shared/api).' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Nothing imports the renderer.' }] },
      ],
    },
  },
);
