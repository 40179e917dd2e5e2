import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { GqlContext } from '../../common/graphql/context';
import { User } from '../user/user.entity';
import { FrameworkInput } from './dto/framework.input';
import { toFramework, FrameworkService } from './framework.service';
import { Framework } from './models/framework.model';

@Resolver(() => Framework)
export class FrameworkResolver {
  constructor(private readonly frameworks: FrameworkService) {}

  @Query(() => Framework, { description: 'The maturity framework: the current version unless one is named' })
  @Roles(...READERS)
  async assessmentFramework(@Args('version', { type: () => Int, nullable: true }) version?: number | null): Promise<Framework> {
    return toFramework(await this.frameworks.find(version));
  }

  @Mutation(() => Framework, { description: 'Saves the text as the next version (new assessments use it; existing ones keep theirs); CONFLICT when expectedVersion is not current' })
  @Roles(...ADMINS)
  async updateAssessmentFramework(@CurrentUser() user: AuthUser, @Args('input') input: FrameworkInput,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number): Promise<Framework> {
    return toFramework(await this.frameworks.update(user, input, expectedVersion));
  }

  @ResolveField(() => User, { nullable: true, description: 'Who saved this version (null for the version shipped with the product)' })
  createdBy(f: Framework, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return f.createdById ? ctx.loaders.userById('Framework.createdBy').load(f.createdById) : null;
  }
}
