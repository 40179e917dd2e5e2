import { Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { READERS, Roles } from '../../common/auth/roles';
import { Department } from './department.entity';

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(@InjectRepository(Department) private readonly departments: Repository<Department>) {}

  @Query(() => [Department], { name: "departments" })
  @Roles(...READERS)
  listDepartments(): Promise<Department[]> {
    return this.departments.find({ order: { name: 'ASC' } });
  }
}
