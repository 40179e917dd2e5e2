import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Contact } from '../../modules/contact/contact.entity';
import { Department } from '../../modules/department/department.entity';
import { OpportunityStage } from '../../modules/opportunity/opportunity-stage.entity';
import { Opportunity } from '../../modules/opportunity/opportunity.entity';
import { Organisation } from '../../modules/organisation/organisation.entity';
import { User } from '../../modules/user/user.entity';
import { entities } from './data-source-options';
import { readsPlainRows, rowsById } from './rows-by-id';

/** A column type pg and TypeORM hydrate differently (numeric: text from pg), so it is left to TypeORM. */
@Entity('odd_records')
class OddRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'numeric' }) amount!: string;
}

describe('rowsById', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', entities: [...entities, OddRecord] });
    // Entity metadata only: nothing connects.
    await (db as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  });

  it('reads the loaders\' entities with its own SELECT, and leaves an entity of other column types to TypeORM', () => {
    for (const entity of [User, Department, OpportunityStage, Contact, Opportunity, Organisation]) expect(readsPlainRows(db, entity)).toBe(true);
    expect(readsPlainRows(db, OddRecord)).toBe(false);
  });

  it('applies a column transformer as TypeORM would (bigint pence from text), and adds a where whose parameters follow the ids', async () => {
    const query = jest.spyOn(db, 'query').mockResolvedValue([{ id: 'o1', valuePence: '123456', inKindPence: null, title: 'KTP' }]);
    const [opportunity] = await rowsById(db, Opportunity, { where: 't.confidential = $2' })(['o1'], false);
    expect(query.mock.calls[0][0]).toMatch(/AND t\.deleted_at IS NULL AND t\.confidential = \$2$/);
    expect(query.mock.calls[0][1]).toEqual([['o1'], false]);
    expect(opportunity).toBeInstanceOf(Opportunity);
    expect(opportunity).toMatchObject({ id: 'o1', valuePence: 123456, inKindPence: null, title: 'KTP' });
    query.mockRestore();
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

  it('picks rows by another rule for the ids when told (the opportunities of some stage stays)', async () => {
    const query = jest.spyOn(db, 'query').mockResolvedValue([]);
    await rowsById(db, Opportunity, { ids: 't.id IN (SELECT h.opportunity_id FROM opportunity_stage_history h WHERE h.id = ANY($1::uuid[]))' })(['h1']);
    expect(query.mock.calls[0][0]).toMatch(/FROM opportunities t WHERE t\.id IN \(SELECT h\.opportunity_id .*\) AND t\.deleted_at IS NULL$/);
    expect(() => rowsById(db, OddRecord, { ids: 't.other = ANY($1)' })).toThrow(/not plain/);
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
    await rowsById(db, OddRecord, { withDeleted: true })(['o1']);
    expect(find).toHaveBeenCalledWith(expect.objectContaining({ withDeleted: true }));
    repository.mockRestore();
  });
});
