import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badField, conflict } from '../../common/graphql/errors';
import { CreateUserInput } from './dto/create-user.input';
import { hashPassword } from './password';
import { User } from './user.entity';

@Injectable()
export class UserService {
  constructor(private readonly db: DataSource) {}

  list(): Promise<User[]> {
    return this.db.getRepository(User).find({ order: { name: 'ASC' } });
  }

  async findById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({ where: { id } });
  }

  /** Creates a user and their department links in one transaction. */
  async create(input: CreateUserInput): Promise<User> {
    const email = input.email.toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = $1', [email]);
      if (taken.length) throw conflict(`A user with email ${email} already exists`, { fields: [{ field: 'email', messages: ['email is already in use'] }] });
      const ids = [...new Set(input.departmentIds ?? [])];
      if (ids.length) {
        const found = await tx.query('SELECT id FROM departments WHERE id = ANY($1) AND deleted_at IS NULL', [ids]);
        if (found.length !== ids.length) throw badField('departmentIds', 'departmentIds names a department that does not exist');
      }
      const user = await tx.getRepository(User).save(tx.getRepository(User).create({ email, name: input.name, role: input.role, passwordHash }));
      for (const departmentId of ids) {
        await tx.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [user.id, departmentId]);
      }
      return user;
    });
  }
}
