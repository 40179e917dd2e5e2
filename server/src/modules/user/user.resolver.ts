import { Args, Context, GraphQLISODateTime, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, Public, READERS, Role, Roles } from '../../common/auth/roles';
import { forbidden, unauthenticated } from '../../common/graphql/errors';
import { GqlContext } from '../../common/graphql/context';
import { Department } from '../department/department.entity';
import { AuthService } from './auth.service';
import { ChangePasswordInput, CreateUserInput, InviteUserInput, UpdateUserInput, UsersArgs } from './dto/create-user.input';
import { AuthPayload } from './models/auth-payload.model';
import { TemporaryPasswordPayload } from './models/temporary-password.model';
import { UserAccessService } from './user-access.service';
import { User } from './user.entity';
import { UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly users: UserService, private readonly access: UserAccessService, private readonly auth: AuthService) {}

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

  @Query(() => [User], { name: 'users', description: 'Active colleagues by name, e.g. to choose an owner; admins may include deactivated ones' })
  @Roles(...READERS)
  listUsers(@CurrentUser() user: AuthUser, @Args() args: UsersArgs): Promise<User[]> {
    if (args.includeInactive && user.role !== Role.admin) throw forbidden('Only admins can list deactivated users');
    return this.users.list(Boolean(args.includeInactive));
  }

  @Mutation(() => User, { description: 'With a password the admin chose (inviteUser generates one instead)' })
  @Roles(...ADMINS)
  createUser(@CurrentUser() actor: AuthUser, @Args('input') input: CreateUserInput): Promise<User> {
    return this.users.create(input, actor);
  }

  @Mutation(() => TemporaryPasswordPayload, { description: 'Creates the user with a one-time password, returned here once for the admin to hand over' })
  @Roles(...ADMINS)
  inviteUser(@CurrentUser() actor: AuthUser, @Args('input') input: InviteUserInput): Promise<TemporaryPasswordPayload> {
    return this.users.invite(input, actor);
  }

  @Mutation(() => User, { description: 'Name, role, departments. A stale version -> CONFLICT; the last active admin cannot be demoted' })
  @Roles(...ADMINS)
  updateUser(@CurrentUser() actor: AuthUser, @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.users.update(actor, id, version, input);
  }

  @Mutation(() => User, { description: 'They can no longer sign in and their sessions end at once; refused for the last active admin' })
  @Roles(...ADMINS)
  deactivateUser(@CurrentUser() actor: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.access.deactivate(actor, id);
  }

  @Mutation(() => User)
  @Roles(...ADMINS)
  reactivateUser(@CurrentUser() actor: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.access.reactivate(actor, id);
  }

  @Mutation(() => TemporaryPasswordPayload, { description: 'A new one-time password, returned once; the old password and all sessions stop working' })
  @Roles(...ADMINS)
  resetPassword(@CurrentUser() actor: AuthUser, @Args('userId', { type: () => ID }) userId: string): Promise<TemporaryPasswordPayload> {
    return this.access.resetPassword(actor, userId);
  }

  @Mutation(() => AuthPayload, { description: 'Your own password. Your other sessions end; use the token returned here from now on' })
  @Roles(...READERS)
  async changePassword(@CurrentUser() me: AuthUser, @Args('input') input: ChangePasswordInput): Promise<AuthPayload> {
    const user = await this.access.changePassword(me, input.currentPassword, input.newPassword);
    return { accessToken: await this.auth.issueToken(user), user };
  }

  @ResolveField(() => [Department])
  departments(user: User, _args: unknown, ctx: GqlContext): Promise<Department[]> {
    return ctx.loaders.departmentsByUserId.load(user.id);
  }

  @ResolveField(() => Boolean, { description: 'False once deactivated: they cannot sign in' })
  active(user: User): boolean {
    return !user.deletedAt;
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'Admins only (null for everyone else)' })
  lastSignInAt(user: User, _args: unknown, ctx: GqlContext): Date | null {
    return ctx.req.user?.role === Role.admin ? user.lastSignInAt : null;
  }
}
