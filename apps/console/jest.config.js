module.exports = { ...require('../../jest.preset.js'), testMatch: ['<rootDir>/src/**/*.test.ts'] };
