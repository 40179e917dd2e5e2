import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { pinClock } from '../src/common/dates/clock';
import { verifySignature } from '../src/modules/integrations/webhook-signing';
import { WebhookWorker } from '../src/modules/integrations/webhook.worker';
import { codeOf, createTestApp, TestApp } from './support/test-app';

const CREATE_HOOK = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { id } } }`;
const LOG = `query($id: ID!) { webhookDeliveries(webhookId: $id) { id event status attempts lastStatusCode nextAttemptAt } }`;
const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`;

describe('webhooks', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let status = 200;
  const received: Array<{ headers: Record<string, any>; body: string }> = [];
  beforeAll(async () => {
    t = await createTestApp();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { received.push({ headers: req.headers, body }); res.statusCode = status; res.end('ok'); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    pinClock(null);
    server.close();
    await t.close();
  });

  it('delivers a signed event, retries a failing receiver on the backoff, and logs attempts', async () => {
    const hook = await t.gql(CREATE_HOOK, { i: { name: 'rx', url: `http://127.0.0.1:${port}/hook`, events: ['organisation.created'] } }, t.tokens.admin);
    const { secret, webhook } = hook.data.createWebhook;
    const worker = t.app.get(WebhookWorker);
    const start = new Date('2026-06-01T10:00:00Z');
    pinClock(start);
    await t.gql(CREATE_ORG, { i: { name: 'Hooked Ltd', type: 'employer' } }, t.tokens.staff);
    expect(await worker.tick()).toBe(1);
    const got = received.at(-1)!;
    expect(got.headers['x-bce-event']).toBe('organisation.created');
    expect(verifySignature(secret, got.headers['x-bce-timestamp'], got.body, got.headers['x-bce-signature'])).toBe(true);
    expect(JSON.parse(got.body).data.name).toBe('Hooked Ltd');

    status = 500;
    await t.gql(CREATE_ORG, { i: { name: 'Failing Ltd', type: 'employer' } }, t.tokens.staff);
    expect(await worker.tick()).toBe(1);
    let log = (await t.gql(LOG, { id: webhook.id }, t.tokens.admin)).data.webhookDeliveries;
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(Date.parse(log[0].nextAttemptAt) - start.getTime()).toBe(60_000);
    expect(await worker.tick()).toBe(0); // not due yet
    pinClock(new Date(start.getTime() + 61_000));
    expect(await worker.tick()).toBe(1);
    log = (await t.gql(LOG, { id: webhook.id }, t.tokens.admin)).data.webhookDeliveries;
    expect(log[0].attempts).toBe(2);
    expect(log.find((d: any) => d.status === 'delivered')).toBeDefined();
    status = 200;
  });

  it('a rolled-back write queues nothing; a non-admin cannot register webhooks', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM webhook_deliveries`);
    const bad = await t.gql(CREATE_ORG, { i: { name: 'Bad Ltd', type: 'employer', parentId: '00000000-0000-4000-8000-000000000000' } }, t.tokens.staff);
    expect(bad.errors).toBeDefined();
    const after = await t.db.query(`SELECT count(*)::int AS n FROM webhook_deliveries`);
    expect(after[0].n).toBe(before[0].n);
    expect(codeOf(await t.gql(CREATE_HOOK, { i: { name: 'x', url: 'https://example.ac.uk/h', events: ['organisation.created'] } }, t.tokens.manager))).toBe('FORBIDDEN');
  });
});
