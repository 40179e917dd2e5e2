import { Browser, Page } from 'playwright-core';
import { OidcProviderProcess, startOidcProvider } from '../../server/test/support/oidc-provider-process';
import { AppServer, startAppServer, stopAppServer } from '../support/app-server';
import { headingIs, launchBrowser, snapshot } from '../support/browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/test-support.cjs') as { freePort(): Promise<number> };

/**
 * Single sign-on in a real browser: the built app with password sign-in off, a real OpenID
 * Connect provider (oidc-provider, its own login and consent pages), the person landing back in
 * the app where they were going, with the role their IdP group maps to.
 */
describe('sign in with the institution (OpenID Connect)', () => {
  const ADMIN = { email: 'admin@sso.ac.uk', password: 'sso-admin-password' };
  let idp: OidcProviderProcess;
  let app: AppServer;
  let browser: Browser;
  const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider(`${base}/auth/oidc/callback`);
    await idp.setAccount('e2e-rosa', { email: 'rosa.parks@sso.ac.uk', name: 'Rosa Parks', groups: ['bce-managers'] });
    app = await startAppServer({
      demoData: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password, prefix: 'e2e-sso-', port,
      env: {
        PUBLIC_URL: base, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: 'bce-crm', OIDC_CLIENT_SECRET: 'test-only-client-secret',
        OIDC_SCOPES: 'openid email profile groups', SSO_GROUP_ROLES: 'bce-managers=manager', LOCAL_LOGIN: 'false', BREAK_GLASS_EMAILS: ADMIN.email,
      },
    });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stopAppServer(app);
    idp?.stop();
  }, 30_000);

  it('offers only the institution button, signs in at the IdP and comes back to the page asked for, as the mapped role', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/pipeline`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fpipeline/);
    const button = page.getByRole('link', { name: 'Sign in with your institution' });
    await button.waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await snapshot(page, 'sso-sign-in');

    await button.click();
    await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('e2e-rosa');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${app.baseUrl}/pipeline`);
    await headingIs(page, 'Pipeline');
    expect(page.url()).not.toContain('token');
    const token = await page.evaluate(() => localStorage.getItem('bce.token'));
    const me = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email role } }' }),
    }).then((r) => r.json());
    expect(me.data.me).toEqual({ email: 'rosa.parks@sso.ac.uk', role: 'manager' });
  });

  it('says why when the institution sign-in failed', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in?error=sso_deactivated`);
    await page.getByRole('alert').filter({ hasText: 'deactivated' }).waitFor();
  });

  it('lets the break-glass admin open the password form; anyone else is told passwords are off', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Administrator with an emergency account?' }).click();
    await page.getByLabel('Email').fill('rosa.parks@sso.ac.uk');
    await page.getByLabel('Password').fill('not a password she has');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Password sign-in is turned off' }).waitFor();

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });
});
