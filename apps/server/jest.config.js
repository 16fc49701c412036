// Integration tests start real servers; on a busy two-core machine (`npm test` runs the browser
// tests and another workspace beside this one) one may take longer than jest's 5 s default
// without anything being wrong. A worker per core: many files wait on sockets and child
// processes, and the server's tests are the longest workspace.
module.exports = { ...require('../../jest.preset.js'), testTimeout: 30_000, maxWorkers: '100%' };
