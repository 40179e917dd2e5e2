import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { seesAllConfidential, visibleTo } from '../../common/auth/visibility';
import { badField } from '../../common/graphql/errors';
import { OpportunityStage } from './opportunity-stage.entity';
import { StageOutcome } from './opportunity.enums';

/** The reference checks an opportunity's links must pass, each failing as BAD_USER_INPUT on its own field. */

/** The organisation, if live and visible to this user (a confidential one in another department does not exist for them). */
export async function visibleOrganisation(tx: EntityManager, user: AuthUser, id: string): Promise<{ id: string; confidential: boolean }> {
  const found = await tx.createQueryBuilder().select(['o.id AS id', 'o.confidential AS confidential']).from('organisations', 'o')
    .where('o.id = :id AND o.deleted_at IS NULL', { id }).andWhere(...visibleTo('o', user)).getRawOne();
  if (!found) throw badField('organisationId', 'organisationId must be an existing organisation');
  return found;
}

/** The department must exist; a confidential opportunity must be in one of the user's departments unless they see all. */
export async function assertDepartment(tx: EntityManager, user: AuthUser, departmentId: string, confidential: boolean): Promise<void> {
  const rows = await tx.query('SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL', [departmentId]);
  if (!rows.length) throw badField('departmentId', 'departmentId must be an existing department');
  if (confidential && !seesAllConfidential(user) && !user.departmentIds.includes(departmentId)) {
    throw badField('departmentId', 'a confidential opportunity must belong to one of your departments');
  }
}

export async function assertOwner(tx: EntityManager, ownerId: string): Promise<void> {
  const rows = await tx.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [ownerId]);
  if (!rows.length) throw badField('ownerId', 'ownerId must be an existing user');
}

export async function assertContacts(tx: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx.query('SELECT id FROM contacts WHERE id = ANY($1) AND deleted_at IS NULL', [ids]);
  if (found.length !== ids.length) throw badField('contactIds', 'contactIds must be existing contacts');
}

export function assertDates(startDate: string | null | undefined, endDate: string | null | undefined): void {
  if (startDate && endDate && endDate < startDate) throw badField('endDate', 'endDate must be on or after startDate');
}

/** A live stage by id, or the first open one on the board when no id is given. */
export async function liveStage(tx: EntityManager, id: string | undefined): Promise<OpportunityStage> {
  const q = tx.getRepository(OpportunityStage).createQueryBuilder('s');
  if (id) q.where('s.id = :id', { id });
  else q.where('s.outcome = :open', { open: StageOutcome.open }).orderBy('s.position').addOrderBy('s.name').limit(1);
  const stage = await q.getOne();
  if (!stage) throw badField('stageId', id ? 'stageId must be an existing stage' : 'stageId is required: there is no open stage');
  return stage;
}

/** The outcome of the stage an opportunity is in (an archived stage still counts). */
export async function stageOutcome(tx: EntityManager, stageId: string): Promise<StageOutcome> {
  const [row] = await tx.query('SELECT outcome FROM opportunity_stages WHERE id = $1', [stageId]);
  return row.outcome;
}
