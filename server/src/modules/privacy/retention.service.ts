import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { keysetPage } from '../../common/database/keyset';
import { definedOnly } from '../../common/database/versioned-update';
import { ukToday } from '../../common/dates/uk-dates';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { setArchived } from '../audit/archive';
import { diffFields, recordAudit } from '../audit/audit';
import { CONTACT_SORT } from '../contact/contact.service';
import { CreateRetentionRuleInput, DecideRetentionInput, RetentionQueueArgs, UpdateRetentionRuleInput } from './dto/privacy.input';
import { ErasureService } from './erasure.service';
import { RetentionDue, RetentionReview } from './models/privacy.models';
import { RetentionRule } from './models/retention-rule.entity';
import { ErasureSource, RetentionDecision, RetentionRecordType } from './privacy.enums';
import { dueContacts, dueReasons, insertReview } from './retention.repository';

const RULE_AUDITED = ['recordType', 'periodMonths', 'description', 'active'] as const;

/** Retention: rules per record type, the queue of records due for review, and the keep / archive / erase decision on each. */
@Injectable()
export class RetentionService {
  constructor(private readonly db: DataSource, private readonly erasure: ErasureService) {}

  rules(): Promise<RetentionRule[]> {
    return this.db.getRepository(RetentionRule).find({ order: { recordType: 'ASC', periodMonths: 'ASC', id: 'ASC' } });
  }

  async createRule(user: AuthUser, input: CreateRetentionRuleInput): Promise<RetentionRule> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RetentionRule);
      const rule = await repo.save(repo.create({ ...input, active: input.active ?? true }));
      await recordAudit(tx, { actorId: user.id, entityType: 'retention_rule', entityId: rule.id, action: 'create', changes: diffFields(null, rule, RULE_AUDITED) });
      return rule;
    });
  }

  async updateRule(user: AuthUser, id: string, version: number, input: UpdateRetentionRuleInput): Promise<RetentionRule> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(RetentionRule);
      const before = await repo.findOne({ where: { id } });
      if (!before) throw notFound('Retention rule', id);
      const changes = definedOnly(input);
      const result = await tx.createQueryBuilder().update(RetentionRule).set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
        .where('id = :id AND version = :version', { id, version }).execute();
      if (!result.affected) throw conflict(`Retention rule was changed by someone else (you edited version ${version}, it is now version ${before.version}). Reload and try again.`, { currentVersion: before.version });
      const after = await repo.findOneOrFail({ where: { id } });
      await recordAudit(tx, { actorId: user.id, entityType: 'retention_rule', entityId: id, action: 'update', changes: diffFields(before, after, RULE_AUDITED) });
      return after;
    });
  }

  /** Records due for review, in name order, each with the rule that made it due and why. */
  async queue(args: RetentionQueueArgs): Promise<Connection<RetentionDue>> {
    const today = ukToday();
    const page = await keysetPage(dueContacts(this.db.manager, today), CONTACT_SORT, args);
    const reasons = new Map((await dueReasons(this.db.manager, page.edges.map((e) => e.node.id), today)).map((r) => [r.contactId, r]));
    const rules = new Map((await this.rules()).map((r) => [r.id, r]));
    return {
      ...page,
      edges: page.edges.flatMap(({ cursor, node }) => {
        const why = reasons.get(node.id);
        const rule = why && rules.get(why.ruleId);
        if (!why || !rule) return [];
        const reason = why.lastEngagementOn
          ? `No engagement since ${why.lastEngagementOn}: ${rule.description} (${rule.periodMonths} months)`
          : `Never engaged; on record since ${why.lastActivityOn}: ${rule.description} (${rule.periodMonths} months)`;
        return [{ cursor, node: { recordType: RetentionRecordType.contact, recordId: node.id, contact: node, rule, lastEngagementOn: why.lastEngagementOn, lastActivityOn: why.lastActivityOn, reason } }];
      }),
    };
  }

  async decide(user: AuthUser, input: DecideRetentionInput): Promise<RetentionReview> {
    const today = ukToday();
    if (input.decision === RetentionDecision.keep && (!input.keepUntil || input.keepUntil <= today)) throw badField('keepUntil', 'keepUntil must be a date after today when keeping a record');
    if (input.decision !== RetentionDecision.keep && input.keepUntil) throw badField('keepUntil', 'keepUntil applies only when keeping a record');
    if (input.decision === RetentionDecision.erase && !input.confirmName) throw badField('confirmName', 'confirmName must be the person’s name, to confirm the erasure');
    return this.db.transaction(async (tx) => {
      const rule = await tx.getRepository(RetentionRule).findOne({ where: { id: input.ruleId } });
      if (!rule || rule.recordType !== input.recordType) throw badField('ruleId', 'ruleId must be a retention rule for this record type');
      if (!(await tx.query('SELECT 1 FROM contacts WHERE id = $1', [input.recordId])).length) throw notFound('Contact', input.recordId);
      if (input.decision === RetentionDecision.archive) {
        if (!(await setArchived(tx, 'contact', input.recordId, true, user.id))) throw conflict('This contact is already archived');
      } else if (input.decision === RetentionDecision.erase) {
        await this.erasure.eraseIn(tx, user, input.recordId, { confirmName: input.confirmName! }, ErasureSource.retention);
      }
      const review = await insertReview(tx, { ruleId: rule.id, recordType: input.recordType, recordId: input.recordId, decision: input.decision, keepUntil: input.keepUntil ?? null, userId: user.id });
      await recordAudit(tx, { actorId: user.id, entityType: 'retention_review', entityId: review.id, action: 'create', changes: { decision: { old: null, new: input.decision } } });
      return review;
    });
  }
}
