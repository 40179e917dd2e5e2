import { DataSource } from 'typeorm';
import { Contact } from '../../modules/contact/contact.entity';
import { Department } from '../../modules/department/department.entity';
import { OpportunityStage } from '../../modules/opportunity/opportunity-stage.entity';
import { Opportunity } from '../../modules/opportunity/opportunity.entity';
import { User } from '../../modules/user/user.entity';
import { entities } from './data-source-options';
import { readsPlainRows, rowsById } from './rows-by-id';

describe('rowsById', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', entities });
    // Entity metadata only: nothing connects.
    await (db as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  });

  it('reads the to-one loaders\' entities with its own SELECT, and leaves an entity with transformed columns to TypeORM', () => {
    for (const entity of [User, Department, OpportunityStage, Contact]) expect(readsPlainRows(db, entity)).toBe(true);
    expect(readsPlainRows(db, Opportunity)).toBe(false);
  });

  it('selects what find selects (never a select: false column), under the property names, as entity instances', async () => {
    const query = jest.spyOn(db, 'query').mockResolvedValue([{ id: 'u1', email: 'a@example.ac.uk', name: 'A', role: 'staff', version: 2 }]);
    const [user] = await rowsById(db, User)(['u1']);
    const [sql, params] = query.mock.calls[0];
    expect(sql).toContain('t.last_sign_in_at AS "lastSignInAt"');
    expect(sql).toContain('t.token_version AS "tokenVersion"');
    expect(sql).not.toContain('password_hash');
    expect(sql).toMatch(/WHERE t\.id = ANY\(\$1::uuid\[\]\) AND t\.deleted_at IS NULL$/);
    expect(params).toEqual([['u1']]);
    expect(user).toBeInstanceOf(User);
    expect(user).toMatchObject({ id: 'u1', email: 'a@example.ac.uk', version: 2 });
    query.mockRestore();
  });

  it('includes archived rows only when asked', async () => {
    const query = jest.spyOn(db, 'query').mockResolvedValue([]);
    await rowsById(db, Department, { withDeleted: true })(['d1']);
    expect(query.mock.calls[0][0]).not.toContain('deleted_at IS NULL');
    query.mockRestore();
  });

  it('falls back to the repository for an entity it cannot read plainly', async () => {
    const find = jest.fn().mockResolvedValue([]);
    const repository = jest.spyOn(db, 'getRepository').mockReturnValue({ find } as never);
    await rowsById(db, Opportunity, { withDeleted: true })(['o1']);
    expect(find).toHaveBeenCalledWith(expect.objectContaining({ withDeleted: true }));
    repository.mockRestore();
  });
});
