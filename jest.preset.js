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
};
