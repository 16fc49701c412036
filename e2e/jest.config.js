module.exports = { ...require('../jest.preset.js'), testTimeout: 120000, testMatch: ['**/*.e2e.test.ts'] };
