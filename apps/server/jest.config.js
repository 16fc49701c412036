// Integration tests start real servers; on a busy two-core machine (CI runs two workspaces at
// once) one may take longer than jest's 5 s default without anything being wrong.
module.exports = { ...require('../../jest.preset.js'), testTimeout: 30_000 };
