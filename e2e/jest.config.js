module.exports = {
  ...require('../jest.preset.js'),
  testTimeout: 120000,
  testMatch: ['**/*.e2e.test.ts'],
  // One Chromium per worker for the whole run (support/browser.ts connects to it).
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
};
