import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { AppServer, startAppServer, stopAppServer } from '../support/app-server';
import { headingIs, launchBrowser, signIn, snapshot, submitDialog } from '../support/browser';

/** dd/mm/yyyy, `days` from now: as people type dates in the UK. */
const ukDate = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-GB', { timeZone: 'Europe/London' });

/** Waits as `waiting` does; when it fails, keeps a screenshot (tmp/screenshots) of what the page showed. */
async function keepShotOnFailure(page: Page, name: string, waiting: Promise<unknown>): Promise<void> {
  try {
    await waiting;
  } catch (error) {
    await snapshot(page, name).catch(() => undefined);
    throw error;
  }
}

/** What an integration would send: the organisations query with the key in X-API-Key. */
async function readOrganisations(base: string, key: string): Promise<{ status: number; body: { data?: { organisations?: { totalCount: number } } | null; errors?: Array<{ extensions?: { code?: string } }> } }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query: '{ organisations(first: 3) { totalCount edges { node { id name } } } }' }),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Its own server with demo data and the webhook worker on (as `npm start` runs), so a test delivery
 * really reaches a receiver; the shared server keeps Jest's NODE_ENV=test, worker off.
 */
describe('integrations (admin): API keys and webhooks', () => {
  const ADMIN = { email: 'admin@integrations.ac.uk', password: 'integrations-admin-password' };
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let receiver: http.Server;
  const received: Array<{ event: string | undefined; signature: string | undefined }> = [];

  beforeAll(async () => {
    // A local receiver for the webhook: plain http to 127.0.0.1 is allowed outside production.
    receiver = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({ event: req.headers['x-bce-event'] as string | undefined, signature: req.headers['x-bce-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    app = await startAppServer({ demoData: true, adminEmail: ADMIN.email, adminPassword: ADMIN.password, prefix: 'e2e-integrations-', webhookWorker: true });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, ADMIN.email, ADMIN.password, app.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stopAppServer(app);
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('creates an API key, shows it once, lets it read organisations, and refuses it once revoked', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await headingIs(page, 'API keys');
    await page.getByRole('heading', { name: /No API keys yet/ }).waitFor();

    await page.getByRole('button', { name: 'Create your first API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.waitFor();
    // Focus starts in the first field, so the name can be typed at once.
    await page.waitForFunction(() => document.activeElement?.getAttribute('formcontrolname') === 'name');
    await page.keyboard.type('Student records sync');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('viewer');
    await dialog.getByLabel('Expires on').fill(ukDate(90));
    await submitDialog(dialog, 'Create key');

    const secret = page.getByRole('dialog', { name: /API key created/ });
    await secret.getByText("you won't see this API key again", { exact: false }).waitFor();
    const key = await secret.getByLabel('API key').inputValue();
    expect(key).toMatch(/^bce_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    await snapshot(page, 'integrations-api-key-secret');
    await secret.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /Student records sync/ });
    await row.getByText('Live', { exact: true }).waitFor();
    await row.getByText(key.slice(0, 17)).waitFor(); // the prefix, bce_live_ and 8 hex

    const allowed = await readOrganisations(app.baseUrl, key);
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.organisations?.totalCount).toBeGreaterThan(0);

    // The list says it was used (to the minute) once it is loaded again.
    await page.reload();
    await headingIs(page, 'API keys');
    await row.getByText('Live', { exact: true }).waitFor();
    expect((await row.getByRole('cell').nth(3).textContent())?.trim()).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);

    await row.getByRole('button', { name: 'Revoke Student records sync' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Student records sync?' });
    await submitDialog(confirm, 'Revoke key');
    await row.getByText(/^Revoked /).waitFor();
    await snapshot(page, 'integrations-api-keys');

    const refused = await readOrganisations(app.baseUrl, key);
    expect(refused.body.data?.organisations ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('adds a webhook (the server refusing a plain-http URL first), shows its secret once, lists it and delivers a test', async () => {
    await page.getByRole('navigation', { name: 'Integrations' }).getByRole('link', { name: 'Webhooks' }).click();
    await headingIs(page, 'Webhooks');
    await page.getByRole('heading', { name: /No webhooks yet/ }).waitFor();

    await page.getByRole('button', { name: 'Add your first webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a webhook' });
    // The dialog focuses its first field once it has opened; typing before that (a slow machine) lands in the wrong field.
    await page.waitForFunction(() => document.activeElement?.closest('mat-dialog-container') && (document.activeElement as HTMLElement).tagName === 'INPUT');
    await dialog.getByLabel('Name').fill('Student records');
    await dialog.getByLabel('URL').fill('http://records.example.ac.uk/hooks/bce');
    await dialog.getByRole('checkbox', { name: 'Engagements created' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Engagements updated' }).uncheck();
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await keepShotOnFailure(page, 'failed-webhook-url', dialog.getByText('The URL must start with https://').waitFor());

    const port = (receiver.address() as AddressInfo).port;
    await dialog.getByLabel('URL').fill(`http://127.0.0.1:${port}/hooks/bce`);
    await submitDialog(dialog, 'Add webhook');

    const secret = page.getByRole('dialog', { name: /Webhook added/ });
    await secret.getByText("you won't see this signing secret again", { exact: false }).waitFor();
    expect(await secret.getByLabel('Signing secret').inputValue()).toMatch(/^whsec_/);
    await secret.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'hidden' });

    const item = page.getByRole('listitem', { name: 'Student records' });
    await item.getByText('Active', { exact: true }).waitFor();
    await item.getByText('Organisation created, Organisation updated, Opportunity created, Opportunity updated', { exact: false }).waitFor();

    await item.getByRole('button', { name: 'Send a test to Student records' }).click();
    const log = page.getByRole('table', { name: 'Deliveries to Student records' });
    await keepShotOnFailure(page, 'failed-webhook-log', log.getByRole('row', { name: /Test/ }).getByText('Delivered', { exact: true }).waitFor({ timeout: 30_000 }));
    await log.getByText('HTTP 204', { exact: false }).waitFor();
    expect(received.some((r) => r.event === 'webhook.test' && r.signature?.startsWith('sha256='))).toBe(true);
    await snapshot(page, 'integrations-webhooks');
  });
});
