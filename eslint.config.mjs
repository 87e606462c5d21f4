// Lint is part of the test command. Type-aware strict rules, plus the layering DESIGN.md draws:
// the core and shared code never see Electron; the renderer never sees Node, AWS or SQLite.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'ws', 'better-sqlite3', '@aws-sdk/*', '@smithy/*'];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed binding in src/main/electron/ipc-binding.ts or the preload; never raw IPC.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.rgw/**', 'coverage/**', '.scratch-*/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/main/core/**', 'src/main/browser-host/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core is Electron-free: take what you need through a port (see SecretStore).' }] }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/shared is imported by every process: no electron.' }],
        patterns: [{ group: nodeOnly, message: 'src/shared runs in the renderer too: no Node or main-process packages.' }, { group: ['**/main/**', '**/renderer/**'], message: 'src/shared depends on nothing else in src.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer is sandboxed: use the api client.' }],
        patterns: [{ group: nodeOnly, message: 'The renderer is unprivileged: ask main through the api client.' }, { group: ['**/main/**'], message: 'The renderer talks to main only through the contract.' }],
      }],
    },
  },
  {
    files: ['src/main/electron/ipc-binding.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
