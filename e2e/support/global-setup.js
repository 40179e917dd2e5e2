// One server for every journey: the built app with demo data (see app-server.js), its background
// workers running as under `npm start`, so the journeys meet the app people use.
const { startAppServer } = require('./app-server');

module.exports = async () => {
  const adminEmail = 'admin@e2e.ac.uk';
  const adminPassword = 'e2e-admin-password';
  const state = await startAppServer({ demoData: true, adminEmail, adminPassword, webhookWorker: true });
  globalThis.__BCE_E2E__ = state;
  process.env.E2E_BASE_URL = state.baseUrl;
  process.env.E2E_ADMIN_EMAIL = adminEmail;
  process.env.E2E_ADMIN_PASSWORD = adminPassword;
};
