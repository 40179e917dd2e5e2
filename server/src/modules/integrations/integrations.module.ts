import { Module } from '@nestjs/common';
import { IntegrationsResolver } from './integrations.resolver';
import { IntegrationsService } from './integrations.service';
import { WebhookWorker } from './webhook.worker';

@Module({ providers: [IntegrationsService, IntegrationsResolver, WebhookWorker], exports: [WebhookWorker] })
export class IntegrationsModule {}
