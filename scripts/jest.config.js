// Workers on every core: the rehearsal mostly waits on its server's accelerated clock while the
// held-out estimator tests compute, so they run side by side.
module.exports = { ...require('../jest.preset.js'), maxWorkers: '100%' };
