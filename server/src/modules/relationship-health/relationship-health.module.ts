import { Module } from '@nestjs/common';
import { GoingColdOrganisationResolver, RelationshipHealthResolver } from './relationship-health.resolver';
import { RelationshipHealthService } from './relationship-health.service';

@Module({ providers: [RelationshipHealthService, RelationshipHealthResolver, GoingColdOrganisationResolver], exports: [RelationshipHealthService] })
export class RelationshipHealthModule {}
