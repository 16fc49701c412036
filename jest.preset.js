// Shared jest settings: TypeScript through SWC, workspace packages resolved to their sources
// so tests never depend on a stale build.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    '^@hallq/shared$': path.join(__dirname, 'packages/shared/src/index.ts'),
    '^@hallq/shared/(.*)$': path.join(__dirname, 'packages/shared/src/$1'),
    '^@hallq/printing$': path.join(__dirname, 'packages/printing/src/index.ts'),
    '^@hallq/client$': path.join(__dirname, 'packages/client/src/index.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // `npm test` runs the workspaces side by side on as few as two cores, beside the browser tests:
  // a test that starts a server, a database or a child process may then take longer than jest's
  // 5 s default with nothing wrong. Workspaces may set more.
  testTimeout: 30_000,
};
