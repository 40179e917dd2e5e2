import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { PipelineFilter } from './dto/opportunities.args';
import { Pipeline } from './models/pipeline.model';
import { PipelineService } from './pipeline.service';

@Resolver(() => Pipeline)
export class PipelineResolver {
  constructor(private readonly pipelines: PipelineService) {}

  @Query(() => Pipeline, { description: 'Open opportunities by stage with counts, totals and weighted totals; confidential ones count only for those who may see them' })
  @Roles(...READERS)
  pipeline(@CurrentUser() user: AuthUser, @Args('filter', { type: () => PipelineFilter, nullable: true }) filter?: PipelineFilter): Promise<Pipeline> {
    return this.pipelines.pipeline(user, filter ?? {});
  }
}
