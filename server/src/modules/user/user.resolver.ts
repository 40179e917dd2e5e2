import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, Public, READERS, Roles } from '../../common/auth/roles';
import { unauthenticated } from '../../common/graphql/errors';
import { GqlContext } from '../../common/graphql/context';
import { Department } from '../department/department.entity';
import { AuthService } from './auth.service';
import { CreateUserInput } from './dto/create-user.input';
import { AuthPayload } from './models/auth-payload.model';
import { User } from './user.entity';
import { UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly users: UserService, private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload)
  @Public()
  login(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GqlContext): Promise<AuthPayload> {
    return this.auth.login(email, password, ctx.req.ip ?? 'unknown');
  }

  @Query(() => User, { description: 'The signed-in user' })
  @Roles(...READERS)
  async me(@CurrentUser() user: AuthUser): Promise<User> {
    const found = await this.users.findById(user.id);
    if (!found) throw unauthenticated();
    return found;
  }

  @Query(() => [User], { name: "users", description: 'Colleagues, e.g. to choose an owner' })
  @Roles(...READERS)
  listUsers(): Promise<User[]> {
    return this.users.list();
  }

  @Mutation(() => User)
  @Roles(...ADMINS)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.users.create(input);
  }

  @ResolveField(() => [Department])
  departments(@Parent() user: User, @Context() ctx: GqlContext): Promise<Department[]> {
    return ctx.loaders.departmentsByUserId.load(user.id);
  }
}
