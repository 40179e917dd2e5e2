import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { now } from '../../common/dates/clock';
import { badField, notFound } from '../../common/graphql/errors';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { recordAudit } from '../audit/audit';
import { MAX_KEY_LIFETIME_DAYS, newApiKey } from './api-key-secret';
import * as sql from './integrations.sql';
import { CreateApiKeyInput, CreatedApiKey, CreatedWebhook, CreateWebhookInput, UpdateWebhookInput } from './integrations.models';
import { newWebhookSecret, webhookUrlProblem } from './webhook-signing';
import { WebhookWorker } from './webhook.worker';

const DAY_MS = 86_400_000;

/** API keys and webhooks: admin-only, every create and revoke audited. */
@Injectable()
export class IntegrationsService {
  constructor(private readonly db: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly worker: WebhookWorker) {}

  listApiKeys(): Promise<sql.ApiKeyRow[]> {
    return sql.listApiKeys(this.db.manager);
  }

  createApiKey(user: AuthUser, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const at = now().getTime();
    const expires = input.expiresAt.getTime();
    if (expires <= at) throw badField('expiresAt', 'expiresAt must be in the future');
    if (expires > at + MAX_KEY_LIFETIME_DAYS * DAY_MS) throw badField('expiresAt', 'expiresAt must be at most two years ahead');
    const departmentIds = input.departmentIds ?? [];
    return this.db.transaction(async (tx) => {
      const live = await tx.query(`SELECT id FROM departments WHERE id = ANY($1) AND deleted_at IS NULL`, [departmentIds]);
      if (live.length !== departmentIds.length) throw badField('departmentIds', 'departmentIds must be live departments');
      const made = newApiKey();
      const apiKey = await sql.insertApiKey(tx, { id: made.id, name: input.name, role: input.role, prefix: made.prefix, hash: made.hash, createdBy: user.id, expiresAt: input.expiresAt, departmentIds });
      await recordAudit(tx, {
        actorId: user.id, entityType: 'api_key', entityId: made.id, action: 'create',
        changes: { name: { old: null, new: input.name }, role: { old: null, new: input.role }, departmentIds: { old: null, new: departmentIds }, expiresAt: { old: null, new: input.expiresAt.toISOString() } },
      });
      return { apiKey, key: made.key };
    });
  }

  /** Effective on the key's very next request (every request reads the row). Revoking twice is not an error. */
  revokeApiKey(user: AuthUser, id: string): Promise<sql.ApiKeyRow> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const at = now();
      if (await sql.revokeApiKey(tx, id, user.id, at)) {
        // The audit action list has no "revoke": revoking is archiving the key, for good.
        await recordAudit(tx, { actorId: user.id, entityType: 'api_key', entityId: id, action: 'archive', changes: { revokedAt: { old: null, new: at.toISOString() } } });
      }
      const key = await sql.findApiKey(tx, id);
      if (!key) throw notFound('API key', id);
      return key;
    });
  }

  listWebhooks(): Promise<sql.WebhookRow[]> {
    return sql.listWebhooks(this.db.manager);
  }

  createWebhook(user: AuthUser, input: CreateWebhookInput): Promise<CreatedWebhook> {
    this.assertUrl(input.url);
    return this.db.transaction(async (tx) => {
      const secret = newWebhookSecret();
      const webhook = await sql.insertWebhook(tx, {
        name: input.name, url: input.url, events: input.events, secret, active: input.active ?? true, includeConfidential: input.includeConfidential ?? false, createdBy: user.id,
      });
      await recordAudit(tx, {
        actorId: user.id, entityType: 'webhook', entityId: webhook.id, action: 'create',
        changes: { url: { old: null, new: input.url }, events: { old: null, new: input.events }, includeConfidential: { old: null, new: webhook.includeConfidential } },
      });
      return { webhook, secret };
    });
  }

  updateWebhook(user: AuthUser, id: string, input: UpdateWebhookInput): Promise<sql.WebhookRow> {
    assertUuid(id, 'id');
    if (input.url !== undefined) this.assertUrl(input.url);
    return this.db.transaction(async (tx) => {
      const before = await sql.findWebhook(tx, id);
      const after = before && await sql.updateWebhook(tx, id, input);
      if (!before || !after) throw notFound('Webhook', id);
      const changes = Object.fromEntries((['name', 'url', 'events', 'active', 'includeConfidential'] as const)
        .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => [f, { old: before[f], new: after[f] }]));
      await recordAudit(tx, { actorId: user.id, entityType: 'webhook', entityId: id, action: 'update', changes });
      return after;
    });
  }

  deleteWebhook(user: AuthUser, id: string): Promise<boolean> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      if (!(await sql.deleteWebhook(tx, id))) throw notFound('Webhook', id);
      await recordAudit(tx, { actorId: user.id, entityType: 'webhook', entityId: id, action: 'archive' });
      return true;
    });
  }

  deliveries(webhookId: string, limit: number): Promise<sql.DeliveryRow[]> {
    assertUuid(webhookId, 'webhookId');
    return sql.listDeliveries(this.db.manager, webhookId, limit);
  }

  /** Queues a webhook.test event for this webhook (active or not), due now. */
  async sendTest(id: string): Promise<sql.DeliveryRow> {
    assertUuid(id, 'id');
    const deliveryId = await this.db.transaction(async (tx) => {
      if (!(await sql.findWebhook(tx, id))) throw notFound('Webhook', id);
      const occurredAt = now().toISOString();
      return sql.insertDelivery(tx, id, 'webhook.test', (did) => ({ id: did, event: 'webhook.test', occurredAt, data: { id, test: true } }), now());
    });
    this.worker.wake();
    return (await sql.findDelivery(this.db.manager, deliveryId))!;
  }

  async redeliver(deliveryId: string): Promise<sql.DeliveryRow> {
    assertUuid(deliveryId, 'deliveryId');
    const row = await this.db.transaction((tx) => sql.requeueDelivery(tx, deliveryId, now()));
    if (!row) throw notFound('Webhook delivery', deliveryId);
    this.worker.wake();
    return row;
  }

  private assertUrl(url: string): void {
    const problem = webhookUrlProblem(url, this.config.nodeEnv === 'production');
    if (problem) throw badField('url', problem);
  }
}
