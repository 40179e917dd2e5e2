import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, badInput, conflict, notFound } from '../../common/graphql/errors';
import { setArchived } from '../audit/archive';
import { opportunityEvent, queueWebhookEvent } from '../integrations/webhook-outbox';
import { diffFields, recordAudit } from '../audit/audit';
import { OpportunitiesArgs } from './dto/opportunities.args';
import { CreateOpportunityInput, UpdateOpportunityInput } from './dto/opportunity.input';
import { replaceContacts } from './opportunity-contacts';
import { replaceInstalments } from './opportunity-instalments';
import { assertHeBciFields, HEBCI_FIELDS } from './opportunity.hebci';
import { Opportunity } from './opportunity.entity';
import { assertContacts, assertDates, assertDepartment, assertOwner, liveStage, stageOutcome, visibleOrganisation } from './opportunity.checks';
import { StageOutcome } from './opportunity.enums';
import { opportunityPage } from './opportunity.pages';
import { enterStageHistory, transactionTime } from './stage-history';
import { enterStage } from './stage-transition';

export const AUDITED = [
  'title', 'type', 'stageId', 'valuePence', 'probability', 'expectedCloseDate', 'startDate', 'endDate', 'ownerId', 'departmentId',
  'organisationId', 'lostReason', 'confidential', 'wonAt', 'closedAt', ...HEBCI_FIELDS,
] as const;
const REQUIRED_ON_UPDATE = ['title', 'type', 'organisationId', 'valuePence', 'departmentId', 'confidential'] as const;
const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

@Injectable()
export class OpportunityService {
  constructor(private readonly db: DataSource) {}

  /** One page of the opportunities this user may see, keyset-paginated (newest first by default), with the total count unless `count` is false. */
  list(user: AuthUser, args: OpportunitiesArgs, { count = true } = {}): Promise<Connection<Opportunity>> {
    return opportunityPage(this.db, user, args, { count });
  }

  /** A live opportunity by id, if this user may see it. */
  async findById(user: AuthUser, id: string, tx: EntityManager = this.db.manager): Promise<Opportunity | null> {
    assertUuid(id, 'id');
    return tx.getRepository(Opportunity).createQueryBuilder('o').where('o.id = :id', { id }).andWhere(...visibleTo('o', user)).getOne();
  }

  /** Creates an opportunity in the given (or first open) stage, with its contacts and its first stay in the stage history. */
  async create(user: AuthUser, input: CreateOpportunityInput): Promise<Opportunity> {
    const departmentId = input.departmentId ?? user.departmentIds[0];
    if (!departmentId) throw badField('departmentId', 'departmentId is required: you do not belong to a department');
    assertDates(input.startDate, input.endDate);
    const hebci = Object.fromEntries(HEBCI_FIELDS.map((f) => [f, input[f] ?? null])) as Pick<Opportunity, (typeof HEBCI_FIELDS)[number]>;
    assertHeBciFields({ type: input.type, valuePence: input.valuePence ?? 0, ...hebci });
    return this.db.transaction(async (tx) => {
      const organisation = await visibleOrganisation(tx, user, input.organisationId);
      // A confidential organisation's opportunities are confidential unless said otherwise.
      const confidential = input.confidential ?? organisation.confidential;
      await assertDepartment(tx, user, departmentId, confidential);
      const ownerId = input.ownerId === undefined ? user.id : input.ownerId;
      if (ownerId) await assertOwner(tx, ownerId);
      const contactIds = unique(input.contactIds);
      await assertContacts(tx, contactIds);
      const stage = await liveStage(tx, input.stageId);
      const now = await transactionTime(tx);
      const closing = enterStage(null, stage.outcome, input.lostReason, now);

      const repo = tx.getRepository(Opportunity);
      const created = await repo.save(repo.create({
        title: input.title, type: input.type, stageId: stage.id, valuePence: input.valuePence ?? 0, probability: input.probability ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null, startDate: input.startDate ?? null, endDate: input.endDate ?? null,
        ownerId, departmentId, organisationId: organisation.id, confidential, createdBy: user.id, ...closing, ...hebci,
      }));
      await replaceContacts(tx, created.id, contactIds);
      if (input.instalments?.length) await replaceInstalments(tx, created.id, input.instalments);
      await enterStageHistory(tx, created.id, stage.id, user.id, now);
      await recordAudit(tx, {
        actorId: user.id, entityType: 'opportunity', entityId: created.id, action: 'create',
        changes: {
          ...diffFields(null, created, AUDITED), ...(contactIds.length && { contactIds: { old: null, new: contactIds } }),
          ...(input.instalments?.length && { instalments: { old: null, new: input.instalments } }),
        },
      });
      await queueWebhookEvent(tx, 'opportunity.created', opportunityEvent(created));
      return created;
    });
  }

  /** A version-checked edit of everything but the stage (which moves only through move(), keeping the history). */
  async update(user: AuthUser, id: string, version: number, input: UpdateOpportunityInput): Promise<Opportunity> {
    assertUuid(id, 'id');
    const missing = REQUIRED_ON_UPDATE.filter((k) => input[k] === null);
    if (missing.length) throw badInput(missing.map((field) => ({ field, messages: [`${field} cannot be cleared`] })));
    return this.db.transaction(async (tx) => {
      const before = await this.findById(user, id, tx);
      if (!before) throw notFound('Opportunity', id);
      const { contactIds, instalments, ...fields } = input;
      const merged = { ...before, ...definedOnly(fields) } as Opportunity;
      assertHeBciFields(merged);
      if (fields.organisationId && fields.organisationId !== before.organisationId) await visibleOrganisation(tx, user, fields.organisationId);
      if (fields.ownerId) await assertOwner(tx, fields.ownerId);
      if (fields.departmentId !== undefined || fields.confidential !== undefined) {
        await assertDepartment(tx, user, fields.departmentId ?? before.departmentId, fields.confidential ?? before.confidential);
      }
      assertDates(fields.startDate === undefined ? before.startDate : fields.startDate, fields.endDate === undefined ? before.endDate : fields.endDate);
      if (fields.lostReason !== undefined) {
        const lost = (await stageOutcome(tx, before.stageId)) === StageOutcome.lost;
        if (lost && !fields.lostReason) throw badField('lostReason', 'lostReason cannot be cleared while the opportunity is lost');
        if (!lost && fields.lostReason) throw badField('lostReason', 'lostReason applies only to a lost opportunity: move it to a lost stage');
      }

      const after = await versionedUpdate(tx, Opportunity, 'Opportunity', id, version, definedOnly(fields));
      const changes = diffFields(before, after, AUDITED);
      if (contactIds) {
        const next = unique(contactIds);
        await assertContacts(tx, next);
        const old = await replaceContacts(tx, id, next);
        if (JSON.stringify(old) !== JSON.stringify([...next].sort())) changes.contactIds = { old, new: next };
      }
      if (instalments) {
        const old = await replaceInstalments(tx, id, instalments);
        const same = (list: typeof old) => JSON.stringify(list.map((i) => [i.dueOn, i.receivedOn ?? null, i.amountPence, i.note ?? null]).sort());
        if (same(old) !== same(instalments)) changes.instalments = { old, new: instalments };
      }
      await recordAudit(tx, { actorId: user.id, entityType: 'opportunity', entityId: id, action: 'update', changes });
      await queueWebhookEvent(tx, 'opportunity.updated', opportunityEvent(after));
      return after;
    });
  }

  /**
   * Moves an opportunity to a stage: closes its current stay in the history and opens the next,
   * stamps or clears wonAt/closedAt, and needs a reason for a lost stage. The version the caller
   * read must still be current (CONFLICT otherwise); moving to the stage it is in changes nothing.
   */
  async move(user: AuthUser, id: string, version: number, stageId: string, lostReason?: string | null): Promise<Opportunity> {
    assertUuid(id, 'id');
    assertUuid(stageId, 'stageId');
    return this.db.transaction(async (tx) => {
      const before = await this.findById(user, id, tx);
      if (!before) throw notFound('Opportunity', id);
      const to = await liveStage(tx, stageId);
      if (to.id === before.stageId) {
        if (before.version !== version) {
          throw conflict(`Opportunity was changed by someone else (you moved version ${version}, it is now version ${before.version}). Reload and try again.`, {
            currentVersion: before.version,
          });
        }
        return before;
      }
      const now = await transactionTime(tx);
      const closing = enterStage({ ...before, outcome: await stageOutcome(tx, before.stageId) }, to.outcome, lostReason, now);
      const after = await versionedUpdate(tx, Opportunity, 'Opportunity', id, version, { stageId: to.id, ...closing });
      await enterStageHistory(tx, id, to.id, user.id, now);
      const changes = diffFields(before, after, ['stageId', 'wonAt', 'closedAt', 'lostReason']);
      await recordAudit(tx, { actorId: user.id, entityType: 'opportunity', entityId: id, action: 'move', changes });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<Opportunity> {
    return this.changeArchived(user, id, true);
  }

  async restore(user: AuthUser, id: string): Promise<Opportunity> {
    return this.changeArchived(user, id, false);
  }

  private async changeArchived(user: AuthUser, id: string, archived: boolean): Promise<Opportunity> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const visible = await tx.getRepository(Opportunity).createQueryBuilder('o').withDeleted()
        .where('o.id = :id', { id }).andWhere(...visibleTo('o', user)).getExists();
      if (!visible) throw notFound('Opportunity', id);
      if (!(await setArchived(tx, 'opportunity', id, archived, user.id))) throw conflict(`Opportunity is already ${archived ? 'archived' : 'active'}`);
      return tx.getRepository(Opportunity).findOneOrFail({ where: { id }, withDeleted: true });
    });
  }
}
