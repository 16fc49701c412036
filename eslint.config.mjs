import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import hallqLayers from './eslint-layers.mjs';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // apps -> packages, never back or sideways; e2e through the entry points apps declare
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { hallq: hallqLayers },
    rules: { 'hallq/layers': 'error' },
  },
  {
    // packages/shared runs everywhere: no Node, DOM frameworks, Express, Electron or SQLite
    files: ['packages/shared/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^node:', message: 'packages/shared is platform-free' }],
        paths: ['fs', 'path', 'crypto', 'os', 'express', 'electron', 'better-sqlite3', 'react', 'socket.io', 'socket.io-client'].map((name) => ({ name, message: 'packages/shared is platform-free' })),
      }],
    },
  },
  {
    // The hall server's SQL lives in storage/ (the repositories); everything else reaches the data
    // through them, so a second backend has one folder to replace.
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/storage/**', '**/*.test.ts', '**/test-support/**', 'apps/server/src/reliability/support/**'],
    rules: {
      'no-restricted-syntax': ['error', ...[
        'Literal[value=/^\\s*(SELECT|INSERT INTO|UPDATE \\w+ SET|DELETE FROM|CREATE (TABLE|INDEX)|ALTER TABLE|DROP (TABLE|INDEX)|PRAGMA) /]',
        'TemplateLiteral > TemplateElement:first-child[value.raw=/^\\s*(SELECT|INSERT INTO|UPDATE \\w+ SET|DELETE FROM|CREATE (TABLE|INDEX)|ALTER TABLE|DROP (TABLE|INDEX)|PRAGMA) /]',
      ].map((selector) => ({ selector, message: 'SQL lives in apps/server/src/storage: add a repository method' }))],
    },
  },
  {
    // Use cases and the transport take repositories, never the raw database handle.
    files: ['apps/server/src/services/**/*.ts', 'apps/server/src/routes/**/*.ts', 'apps/server/src/realtime/**/*.ts', 'apps/server/src/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/storage/db', 'better-sqlite3'], message: 'take a repository (storage/repos.ts), not the database handle' }],
      }],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
