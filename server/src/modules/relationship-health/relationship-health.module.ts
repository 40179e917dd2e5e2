import { Module } from '@nestjs/common';
import { GoingColdRefresher } from './going-cold-refresher';
import { GoingColdOrganisationResolver, RelationshipHealthResolver } from './relationship-health.resolver';
import { RelationshipHealthService } from './relationship-health.service';

@Module({
  providers: [RelationshipHealthService, RelationshipHealthResolver, GoingColdOrganisationResolver, GoingColdRefresher],
  exports: [RelationshipHealthService],
})
export class RelationshipHealthModule {}
