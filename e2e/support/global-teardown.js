const { stopAppServer } = require('./app-server');

module.exports = () => stopAppServer(globalThis.__BCE_E2E__);
