import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, Roles } from '../../common/auth/roles';
import { ApiKey, CreateApiKeyInput, CreatedApiKey, CreatedWebhook, CreateWebhookInput, UpdateWebhookInput, Webhook, WebhookDelivery } from './integrations.models';
import { IntegrationsService } from './integrations.service';

/** Integrations (API keys, webhooks): admins only. */
@Resolver()
export class IntegrationsResolver {
  constructor(private readonly integrations: IntegrationsService) {}

  @Query(() => [ApiKey], { description: 'Live keys first, newest first' })
  @Roles(...ADMINS)
  apiKeys(): Promise<ApiKey[]> {
    return this.integrations.listApiKeys();
  }

  @Mutation(() => CreatedApiKey, { description: 'The key is in the answer this once; only its hash is kept' })
  @Roles(...ADMINS)
  createApiKey(@CurrentUser() user: AuthUser, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.integrations.createApiKey(user, input);
  }

  @Mutation(() => ApiKey, { description: 'Refused from the next request on' })
  @Roles(...ADMINS)
  revokeApiKey(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    return this.integrations.revokeApiKey(user, id);
  }

  @Query(() => [Webhook])
  @Roles(...ADMINS)
  webhooks(): Promise<Webhook[]> {
    return this.integrations.listWebhooks();
  }

  @Mutation(() => CreatedWebhook, { description: 'The signing secret is in the answer this once' })
  @Roles(...ADMINS)
  createWebhook(@CurrentUser() user: AuthUser, @Args('input') input: CreateWebhookInput): Promise<CreatedWebhook> {
    return this.integrations.createWebhook(user, input);
  }

  @Mutation(() => Webhook)
  @Roles(...ADMINS)
  updateWebhook(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateWebhookInput): Promise<Webhook> {
    return this.integrations.updateWebhook(user, id, input);
  }

  @Mutation(() => Boolean, { description: 'Stops it at once; its pending deliveries are dropped' })
  @Roles(...ADMINS)
  deleteWebhook(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.integrations.deleteWebhook(user, id);
  }

  @Query(() => [WebhookDelivery], { description: 'Newest first' })
  @Roles(...ADMINS)
  webhookDeliveries(@Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 50 }) limit: number): Promise<WebhookDelivery[]> {
    return this.integrations.deliveries(webhookId, Math.min(Math.max(limit, 1), 200));
  }

  @Mutation(() => WebhookDelivery, { description: 'Queues a webhook.test event to this webhook now' })
  @Roles(...ADMINS)
  sendTestWebhook(@Args('id', { type: () => ID }) id: string): Promise<WebhookDelivery> {
    return this.integrations.sendTest(id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends the same delivery (same id and body) again now' })
  @Roles(...ADMINS)
  redeliverWebhook(@Args('deliveryId', { type: () => ID }) deliveryId: string): Promise<WebhookDelivery> {
    return this.integrations.redeliver(deliveryId);
  }
}
