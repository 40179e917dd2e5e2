import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { User } from '../../modules/user/user.entity';
import { Department } from '../../modules/department/department.entity';

/**
 * The per-request DataLoaders: every to-one and to-many field under a list resolves through one
 * of these, so a page of N records costs one query per relation, not N.
 */
export function createLoaders(db: DataSource) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) => {
      const users = await db.getRepository(User).find({ where: { id: In([...ids]) }, withDeleted: true });
      const byId = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    departmentsByUserId: new DataLoader<string, Department[]>(async (userIds) => {
      const links: Array<{ user_id: string; department_id: string }> = await db.query(
        'SELECT user_id, department_id FROM user_departments WHERE user_id = ANY($1)',
        [[...userIds]],
      );
      const departments = links.length
        ? await db.getRepository(Department).find({ where: { id: In(links.map((l) => l.department_id)) }, order: { name: 'ASC' } })
        : [];
      return userIds.map((userId) => {
        const mine = new Set(links.filter((l) => l.user_id === userId).map((l) => l.department_id));
        return departments.filter((d) => mine.has(d.id));
      });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
