import { Module } from '@nestjs/common';
import { OpportunityFieldsResolver, OpportunityStageHistoryResolver } from './opportunity-fields.resolver';
import { OpportunityStageResolver } from './opportunity-stage.resolver';
import { OpportunityStageService } from './opportunity-stage.service';
import { OpportunityResolver } from './opportunity.resolver';
import { OpportunityService } from './opportunity.service';
import { PipelineResolver, PipelineStageResolver } from './pipeline.resolver';
import { PipelineService } from './pipeline.service';

@Module({
  providers: [
    OpportunityService, OpportunityStageService, PipelineService,
    OpportunityResolver, OpportunityFieldsResolver, OpportunityStageHistoryResolver, OpportunityStageResolver, PipelineResolver, PipelineStageResolver,
  ],
  exports: [OpportunityService],
})
export class OpportunityModule {}
