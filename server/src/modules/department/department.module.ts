import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from './department.entity';
import { DepartmentResolver } from './department.resolver';

@Module({ imports: [TypeOrmModule.forFeature([Department])], providers: [DepartmentResolver] })
export class DepartmentModule {}
