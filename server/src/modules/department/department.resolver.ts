import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Role, Roles } from '../../common/auth/roles';
import { GqlContext } from '../../common/graphql/context';
import { forbidden } from '../../common/graphql/errors';
import { Department } from './department.entity';
import { DepartmentService } from './department.service';
import { CreateDepartmentInput, DepartmentsArgs, UpdateDepartmentInput } from './dto/department.input';

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(private readonly departments: DepartmentService) {}

  @Query(() => [Department], { name: 'departments', description: 'Live departments by name; admins may include archived ones' })
  @Roles(...READERS)
  listDepartments(@CurrentUser() user: AuthUser, @Args() args: DepartmentsArgs): Promise<Department[]> {
    if (args.includeArchived && user.role !== Role.admin) throw forbidden('Only admins can list archived departments');
    return this.departments.list(Boolean(args.includeArchived));
  }

  @Mutation(() => Department, { description: 'Code unique among live departments (any case; stored upper case)' })
  @Roles(...ADMINS)
  createDepartment(@CurrentUser() user: AuthUser, @Args('input') input: CreateDepartmentInput): Promise<Department> {
    return this.departments.create(user, input);
  }

  @Mutation(() => Department, { description: 'Rename, recode or move; a parent that would make a loop is refused. Stale version -> CONFLICT' })
  @Roles(...ADMINS)
  updateDepartment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateDepartmentInput): Promise<Department> {
    return this.departments.update(user, id, version, input);
  }

  @Mutation(() => Department, { description: 'Soft delete: gone from pickers, kept on existing records. Refused while live units sit under it' })
  @Roles(...ADMINS)
  archiveDepartment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Department> {
    return this.departments.archive(user, id);
  }

  @Mutation(() => Department)
  @Roles(...ADMINS)
  restoreDepartment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Department> {
    return this.departments.restore(user, id);
  }

  @ResolveField(() => Department, { nullable: true })
  parent(d: Department, _args: unknown, ctx: GqlContext): Promise<Department | null> | null {
    return d.parentId ? ctx.loaders.departmentById('Department.parent').load(d.parentId) : null;
  }

  @ResolveField(() => Int, { description: 'Active users who belong to it' })
  memberCount(d: Department, _args: unknown, ctx: GqlContext): Promise<number> {
    return ctx.loaders.departmentMemberCount.load(d.id);
  }
}
