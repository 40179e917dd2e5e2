import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { seesAllConfidential, visibleParam, visibleTo } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { setArchived } from '../audit/archive';
import { engagementEvent, queueWebhookEvent, queueWebhookEventTo } from '../integrations/webhook-outbox';
import { diffFields, recordAudit } from '../audit/audit';
import { Organisation } from '../organisation/organisation.entity';
import { Task } from '../task/task.entity';
import { TaskStatus } from '../task/task.enums';
import { EngagementsArgs, LogEngagementInput, UpdateEngagementInput } from './dto/engagement.input';
import { Engagement } from './engagement.entity';
import { timelines } from './engagement.timeline';
import { LOG_ENGAGEMENT_SQL } from './engagement.sql';
import { ukToday } from '../../common/dates/uk-dates';

const AUDITED = ['type', 'occurredOn', 'summary', 'details', 'organisationId', 'departmentId', 'confidential'] as const;

@Injectable()
export class EngagementService {
  constructor(private readonly db: DataSource) {}

  async list(user: AuthUser, args: EngagementsArgs): Promise<Connection<Engagement>> {
    return (await timelines(this.db, user, args, null)).get('')!;
  }

  async findById(user: AuthUser, id: string, tx: EntityManager = this.db.manager): Promise<Engagement | null> {
    assertUuid(id, 'id');
    return tx.getRepository(Engagement).createQueryBuilder('e').where('e.id = :id', { id }).andWhere(...visibleTo('e', user)).getOne();
  }

  /** Logs an engagement with the people present and an optional follow-up task, all or nothing. */
  async log(user: AuthUser, input: LogEngagementInput): Promise<Engagement> {
    const departmentId = input.departmentId ?? user.departmentIds[0];
    if (!departmentId) throw badField('departmentId', 'departmentId is required: you do not belong to a department');
    if (!seesAllConfidential(user) && !user.departmentIds.includes(departmentId)) {
      throw badField('departmentId', 'departmentId must be one of your departments');
    }
    if (input.occurredOn && input.occurredOn > ukToday()) throw badField('occurredOn', `occurredOn cannot be in the future (today is ${ukToday()} in the UK)`);
    const contactIds = [...new Set(input.contactIds ?? [])];
    const staffIds = [...new Set([user.id, ...(input.staffIds ?? [])])];
    const repo = this.db.getRepository(Engagement);
    const engagement = repo.create({
      type: input.type, occurredOn: input.occurredOn ?? ukToday(), summary: input.summary, details: input.details ?? null,
      organisationId: input.organisationId ?? null, departmentId, confidential: input.confidential ?? false, createdBy: user.id,
    });
    const changes = { ...diffFields(null, engagement, AUDITED), ...(contactIds.length && { contactIds: { old: null, new: contactIds } }) };
    // One round trip for the checks and every row (engagement.sql.ts); only a failed check asks again, to say which.
    const write = async (tx: EntityManager, alone: boolean) => {
      const [row] = await tx.query(LOG_ENGAGEMENT_SQL, [
        engagement.type, engagement.occurredOn, engagement.summary, engagement.details, engagement.organisationId, departmentId,
        engagement.confidential, user.id, contactIds, staffIds, visibleParam(user), JSON.stringify(changes), alone,
      ]);
      const { ok, ...written } = row as { ok: boolean; id: string | null; webhookIds: string[]; createdAt: Date; updatedAt: Date; deletedAt: Date | null; version: number };
      if (!ok) await this.refuse(tx, user, departmentId, input.organisationId, contactIds, staffIds);
      return written;
    };
    if (!input.followUp) {
      // Nothing else to write (no follow-up, and the statement finds no webhook wanting it): the one
      // statement is its own transaction, so no BEGIN and COMMIT round trips.
      const { id, createdAt, updatedAt, deletedAt, version } = await write(this.db.manager, true);
      if (id) return Object.assign(engagement, { id, createdAt, updatedAt, deletedAt, version });
    }
    return this.db.transaction(async (tx) => {
      const { webhookIds, ...saved } = await write(tx, false);
      Object.assign(engagement, saved);
      await queueWebhookEventTo(tx, webhookIds, 'engagement.created', engagementEvent(engagement));
      if (input.followUp) {
        const assigneeId = input.followUp.assigneeId ?? user.id;
        const [assignee] = await tx.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [assigneeId]);
        if (!assignee) throw badField('followUp.assigneeId', 'followUp.assigneeId must be an existing user');
        const tasks = tx.getRepository(Task);
        const task = await tasks.save(tasks.create({
          title: input.followUp.title, dueOn: input.followUp.dueOn ?? null, status: TaskStatus.open, assigneeId,
          organisationId: engagement.organisationId, contactId: contactIds[0] ?? null, engagementId: engagement.id,
          departmentId, confidential: engagement.confidential, createdBy: user.id,
        }));
        await recordAudit(tx, { actorId: user.id, entityType: 'task', entityId: task.id, action: 'create', changes: { title: { old: null, new: task.title }, dueOn: { old: null, new: task.dueOn } } });
      }
      return engagement;
    });
  }

  async update(user: AuthUser, id: string, version: number, input: UpdateEngagementInput): Promise<Engagement> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const before = await this.findById(user, id, tx);
      if (!before) throw notFound('Engagement', id);
      const { contactIds, ...fields } = input;
      if (fields.occurredOn && fields.occurredOn > ukToday()) throw badField('occurredOn', `occurredOn cannot be in the future (today is ${ukToday()} in the UK)`);
      const after = await versionedUpdate(tx, Engagement, 'Engagement', id, version, definedOnly(fields));
      const changes = diffFields(before, after, AUDITED);
      if (contactIds) {
        const unique = [...new Set(contactIds)];
        await this.assertContacts(tx, unique);
        const old = (await tx.query('SELECT contact_id FROM engagement_contacts WHERE engagement_id = $1 ORDER BY contact_id', [id])).map((r: any) => r.contact_id);
        await tx.query('DELETE FROM engagement_contacts WHERE engagement_id = $1', [id]);
        for (const contactId of unique) await tx.query('INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)', [id, contactId]);
        if (JSON.stringify(old) !== JSON.stringify([...unique].sort())) changes.contactIds = { old, new: unique };
      }
      await recordAudit(tx, { actorId: user.id, entityType: 'engagement', entityId: id, action: 'update', changes });
      await queueWebhookEvent(tx, 'engagement.updated', engagementEvent(after));
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<Engagement> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      if (!(await this.findById(user, id, tx))) throw notFound('Engagement', id);
      await setArchived(tx, 'engagement', id, true, user.id);
      return tx.getRepository(Engagement).findOneOrFail({ where: { id }, withDeleted: true });
    });
  }

  /** Throws the error for the first check logging an engagement failed, in the order they were made one by one. */
  private async refuse(tx: EntityManager, user: AuthUser, departmentId: string, organisationId: string | null | undefined, contactIds: string[], staffIds: string[]): Promise<never> {
    await this.assertDepartment(tx, departmentId);
    if (organisationId) await this.assertOrganisationVisible(tx, user, organisationId);
    await this.assertContacts(tx, contactIds);
    const staff = await tx.query('SELECT id FROM users WHERE id = ANY($1) AND deleted_at IS NULL', [staffIds]);
    if (staff.length !== staffIds.length) throw badField('staffIds', 'staffIds must be existing users');
    throw conflict('A record this engagement refers to changed while it was being logged; try again');
  }

  private async assertOrganisationVisible(tx: EntityManager, user: AuthUser, id: string) {
    const found = await tx.getRepository(Organisation).createQueryBuilder('o').where('o.id = :id', { id }).andWhere(...visibleTo('o', user)).getExists();
    if (!found) throw badField('organisationId', 'organisationId must be an existing organisation');
  }

  private async assertContacts(tx: EntityManager, ids: string[]) {
    if (!ids.length) return;
    const found = await tx.query('SELECT id FROM contacts WHERE id = ANY($1) AND deleted_at IS NULL', [ids]);
    if (found.length !== ids.length) throw badField('contactIds', 'contactIds must be existing contacts');
  }

  private async assertDepartment(tx: EntityManager, id: string) {
    const found = await tx.query('SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL', [id]);
    if (!found.length) throw badField('departmentId', 'departmentId must be an existing department');
  }
}
