import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../migrations/src';
import { Department } from '../../modules/department/department.entity';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { User } from '../../modules/user/user.entity';

export const entities = [User, Department, Organisation];

/** One definition of the connection for the app, the CLI and the tests. The schema belongs to migrations/. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10 },
  };
}
